/**
 * Special functions shared by more than one module: {@link dev.retention.special.LogGamma}.
 */
package dev.retention.special;

/**
 * Deterministic parallel work shared by every module, exported only to the library's own modules:
 * numbered tasks run on a fixed number of threads, each writing its own output slot, combined by the
 * caller in task order. Not part of the API.
 */
package dev.retention.parallel;

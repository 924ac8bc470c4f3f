/**
 * A scoring service, for the engineer who serves saved models inside a Java application: entry point
 * {@link dev.retention.examples.service.ScoringService}, which loads the model files that the nightly batch job
 * wrote ({@code Models.load(path, X.class)}, refusing a model whose fit was judged unusable) and answers
 * {@code /score}, {@code /lifetime} and {@code /health} in JSON over the JDK's HTTP server, on the loopback address
 * only.
 */
package dev.retention.examples.service;

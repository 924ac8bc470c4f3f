/**
 * Studies: programs with a {@code main} that time or check whole fits in one run (not JMH benchmarks), each with
 * its own entry point and arguments in its class comment.
 */
package dev.retention.bench.study;

/**
 * Studies: programs with a {@code main} that time or check whole fits in one run (not JMH benchmarks): one-shot
 * fits timed as the reference libraries time theirs, and studies larger than unit tests can afford. Each has its
 * entry point and arguments in its class comment; run them with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.retention.bench.study.NAME ...}.
 */
package dev.retention.bench.study;

/**
 * Timing studies with their own {@code main}, not JMH benchmarks: one-shot fits timed as the reference
 * libraries time theirs, and studies larger than unit tests can afford. Run them with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.retention.bench.study.NAME ...}.
 */
package dev.retention.bench.study;

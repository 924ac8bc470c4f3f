/**
 * Programs with a {@code main} that are not JMH benchmarks: timings of whole fits as the reference libraries time
 * theirs, studies larger than unit tests can afford, and the data generators the benchmarks share. Each class says
 * what it takes; run one with {@code java -cp benchmarks/target/benchmarks.jar dev.retention.bench.study.NAME ...}.
 */
package dev.retention.bench.study;

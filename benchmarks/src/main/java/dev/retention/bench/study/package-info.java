/**
 * Programs with a {@code main} that are not JMH benchmarks: timings of whole fits and studies, and the data
 * generators the benchmarks share. Run with {@code java -cp benchmarks/target/benchmarks.jar
 * dev.retention.bench.study.NAME ...}; each class says what it takes.
 */
package dev.retention.bench.study;

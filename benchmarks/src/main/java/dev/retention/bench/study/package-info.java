/**
 * Timing and accuracy studies that are not JMH benchmarks: programs with a {@code main} that run whole fits once
 * (or many times, over seeds) and print a table. Run them from the benchmarks jar, for example
 * {@code java -cp benchmarks/target/benchmarks.jar dev.retention.bench.study.LifetimeRecoveryStudy}.
 */
package dev.retention.bench.study;

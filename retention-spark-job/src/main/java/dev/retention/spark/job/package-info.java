/**
 * The job jar's command line ({@link dev.retention.spark.job.SparkJobs}): the single-JVM command names on Spark,
 * and the benchmark of the jobs.
 */
package dev.retention.spark.job;

/**
 * The library's analyses as Apache Spark jobs on {@code Dataset<Row>}: order lines in a normal form by the
 * single-JVM purchase rules ({@link dev.retention.spark.SparkOrders}), RFM ({@link dev.retention.spark.SparkRfm}),
 * cohorts ({@link dev.retention.spark.SparkCohorts}), customer-lifetime summaries, fits and CLV
 * ({@link dev.retention.spark.SparkLifetime}), churn features and scoring ({@link dev.retention.spark.SparkChurn})
 * and a synthetic shop of any size ({@link dev.retention.spark.SparkShop}). Every job gives the single-JVM
 * library's answer on the same lines; models travel as the library's model files.
 */
package dev.retention.spark;

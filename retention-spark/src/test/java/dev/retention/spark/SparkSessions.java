package dev.retention.spark;

import org.apache.spark.sql.SparkSession;

/** The test session: local[2], no UI, four shuffle partitions, one per test class. */
final class SparkSessions {

    private SparkSessions() {
    }

    static SparkSession start(String name) {
        return SparkSession.builder().appName(name).master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.adaptive.enabled", "false")
                // tiny data: compiling whole-stage code costs more than it saves
                .config("spark.sql.codegen.wholeStage", "false")
                .getOrCreate();
    }
}

/**
 * The model-file reader of the clustering module ({@link dev.retention.cluster.modelfiles.ClusterModelReader}),
 * provided as a {@code dev.retention.model.ModelReader} service. Not exported, and imported by no other package:
 * it imports the model packages, so it cannot sit in {@code internal}, which they import.
 */
package dev.retention.cluster.modelfiles;

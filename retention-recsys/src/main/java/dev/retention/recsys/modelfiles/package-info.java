/**
 * The recommenders' {@link dev.retention.model.ModelReader} service, not exported:
 * {@link dev.retention.recsys.modelfiles.RecsysModelReader}. It imports the model packages, so it sits apart
 * from them and from {@code internal} (which the model packages import); no other package imports it.
 */
package dev.retention.recsys.modelfiles;

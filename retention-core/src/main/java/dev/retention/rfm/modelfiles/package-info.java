/**
 * Not exported: {@link dev.retention.rfm.modelfiles.RfmModelReader}, the model-file reader that retention-core
 * provides to {@link dev.retention.model.Models} as a {@link dev.retention.model.ModelReader} service.
 */
package dev.retention.rfm.modelfiles;

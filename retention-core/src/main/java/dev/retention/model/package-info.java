/**
 * The model file format shared by every model of the library: {@link dev.retention.model.ModelFile}
 * writes and reads a versioned, checksummed container of named primitive-array and string sections.
 * It never uses Java serialization, so loading a file cannot run code.
 */
package dev.retention.model;

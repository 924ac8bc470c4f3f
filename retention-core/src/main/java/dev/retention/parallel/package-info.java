/**
 * Deterministic parallel work, shared by every module of the library: {@link dev.retention.parallel.Workers}
 * runs numbered tasks on a fixed number of threads (its own, or the caller's executor) and leaves no thread
 * behind; {@link dev.retention.parallel.Blocks} cuts the work into blocks fixed by the data alone, whose
 * partial results are combined in block order, so that every result is the same for any number of threads.
 */
package dev.retention.parallel;

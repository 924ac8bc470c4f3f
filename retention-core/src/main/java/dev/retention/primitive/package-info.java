/**
 * Primitive collections and sorts, without boxing, for the data model and the algorithms: growable
 * lists {@link dev.retention.primitive.IntList}, {@link dev.retention.primitive.LongList},
 * {@link dev.retention.primitive.DoubleList} and {@link dev.retention.primitive.FloatList}; hash maps to
 * dense indexes {@link dev.retention.primitive.LongIntMap} and {@link dev.retention.primitive.ObjectIntMap}
 * (open addressing, absent keys answer -1); and stable indirect sorts of positions,
 * {@link dev.retention.primitive.IndirectSort} by a {@link dev.retention.primitive.IndexComparator} or by
 * {@code double} and {@code long} keys. They hold only what the library needs; none is thread-safe.
 */
package dev.retention.primitive;

package dev.retention.model.testing;

import dev.retention.model.Model;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The corruption battery every model type of the library runs through: a valid model file, written by the model's
 * own {@code toBytes()}, is truncated, bit-flipped, and has each of its length, count, dimension and number fields
 * set to hostile values with the checksums recomputed; loading it through {@link Models#fromBytes} must either
 * refuse it with a {@link ModelFormatException} whose message starts with the file's name (or the name of a file
 * nested in it, {@code corrupted.model#classifier}) and holds no exception or class name (no other exception, no
 * {@link OutOfMemoryError}, no more memory than a bound proportional to the file) or give a model whose
 * predictions, asked by the case's {@link Probe}, are finite.
 *
 * <p>The file is taken apart by the documented layout of the container (docs/architecture.md, "The model file
 * format": a 16-byte header, then the model type, schema version, library version, section count and sections of
 * name, kind, element count and elements; big-endian; a CRC32 of everything before the last four bytes),
 * independently of {@code ModelFile}'s parser, and model files nested in byte sections (a pipeline's or an
 * uplift model's classifiers) are walked too, their checksums recomputed with the file around them.
 *
 * <p>What is tried, per model: every truncation length up to 64 bytes and 48 more spread over the file (refused
 * by the container); 64 seeded bit flips with the checksum left alone (refused) and 256 with it recomputed
 * (refused or harmless); the container's counts and lengths (the type's, the library version's and each string's
 * byte length, the section count, each section's name length and element count) set to -1, 0, 2^30 and 2^31 - 1
 * (refused); the first three, middle and last two elements of every int section set to those values, of every
 * long section to those and {@code Long.MAX_VALUE}, of every double section to NaN, +-Infinity and +-1e308, and of
 * every float section to NaN, +-Infinity and +-3.4e38 (refused or harmless; a section named by the case as a
 * dimension must be refused). A new model type joins by adding one {@link Case} to its module's list.
 */
public final class ModelFileBattery {

    /** The name corrupted files are read under; every refusal must start with it. */
    public static final String SOURCE = "corrupted.model";

    private static final int[] BAD_INTS = {-1, 0, 1 << 30, Integer.MAX_VALUE};
    private static final long[] BAD_LONGS = {-1, 0, 1L << 30, Integer.MAX_VALUE, Long.MAX_VALUE};
    private static final double[] BAD_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        1e308, -1e308};
    private static final float[] BAD_FLOATS = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MAX_VALUE, -Float.MAX_VALUE};
    private static final int TRUNCATIONS_SPREAD = 48;
    private static final int RAW_FLIPS = 64;
    private static final int CHECKSUMMED_FLIPS = 256;

    private ModelFileBattery() {
    }

    /**
     * Asks a loaded model for predictions and fails (with an {@link AssertionError}) if any is not finite or
     * outside its scale.
     */
    @FunctionalInterface
    public interface Probe {
        /**
         * Predicts with a model that was read from a corrupted file.
         *
         * @param loaded the model
         * @throws Exception anything the predictions throw, which fails the battery
         */
        void predict(Model loaded) throws Exception;
    }

    /**
     * One model type in one state: a name for messages, how to make the model, how to ask it for predictions, and
     * the sections whose every element sizes the model (a corrupted value there must be refused).
     *
     * @param name       for messages and test names
     * @param model      makes the valid model (called once per run)
     * @param probe      asks a loaded model for predictions
     * @param dimensions names of sections whose elements size or index the model (a section nested in another
     *                   file is matched by its own name; every element of them, up to 512, is corrupted), or of
     *                   single elements ({@code "factor_ints[0]"}): each corruption of them must be refused
     */
    public record Case(String name, Supplier<? extends Model> model, Probe probe, Set<String> dimensions) {

        /**
         * A case.
         *
         * @param name       for messages
         * @param model      makes the valid model
         * @param probe      asks a loaded model for predictions
         * @param dimensions sections whose corruption must be refused
         */
        public Case {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(probe, "probe");
            dimensions = Set.copyOf(dimensions);
        }

        /**
         * A case without dimension sections.
         *
         * @param name  for messages
         * @param model makes the valid model
         * @param probe asks a loaded model for predictions
         * @return the case
         */
        public static Case of(String name, Supplier<? extends Model> model, Probe probe) {
            return new Case(name, model, probe, Set.of());
        }

        /**
         * This case with sections whose corruption must be refused.
         *
         * @param sections section names, or single elements as {@code "name[index]"}
         * @return a new case
         */
        public Case withDimensions(String... sections) {
            return new Case(name, model, probe, Set.of(sections));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** How a field is stored and what it is. */
    public enum FieldKind {
        /** A count or byte length of the container: corruption must be refused. */
        CONTAINER,
        /** An element of an int section. */
        INT,
        /** An element of a long section. */
        LONG,
        /** An element of a double section. */
        DOUBLE,
        /** An element of a float section. */
        FLOAT
    }

    /**
     * One field of a model file.
     *
     * @param label   what it is, for messages ({@code "section 'centres'[3]"})
     * @param section the section it belongs to (nested ones prefixed), empty for the container's own fields
     * @param index   its index in the section, -1 for the container's own fields
     * @param offset  its position in the outermost file
     * @param kind    how it is stored
     * @param files   the spans {start, length} of the file that holds it and of the files around it, innermost first
     */
    public record Field(String label, String section, int index, int offset, FieldKind kind, List<int[]> files) {
    }

    /**
     * What a run did.
     *
     * @param name    the case
     * @param tried   corrupted files read
     * @param refused of those, refused
     * @param loaded  of those, loaded and predicted finite values
     * @param fields  fields found by the walk
     */
    public record Result(String name, int tried, int refused, int loaded, int fields) {
    }

    /**
     * Runs the whole battery on one case.
     *
     * @param c the case
     * @return the counts, for the caller's own expectations
     * @throws AssertionError naming the corruption, on the first read that neither refuses nor predicts finite
     *                        values
     */
    public static Result run(Case c) {
        Model model = c.model().get();
        byte[] valid = model.toBytes();
        try {
            Model back = Models.fromBytes(valid, "valid.model");
            c.probe().predict(back);
        } catch (Exception e) {
            throw new AssertionError(c.name() + ": the valid file does not load and predict: " + e, e);
        }
        List<Field> fields = fields(valid, c.dimensions());
        List<int[]> spans = spans(fields, valid.length);
        Counter n = new Counter();

        for (int length : truncations(valid.length)) {
            n.mustRefuse(Arrays.copyOf(valid, length), c, "truncated to " + length + " of " + valid.length + " bytes");
        }
        SplittableRandom rnd = new SplittableRandom(valid.length * 31L + c.name().hashCode());
        for (int i = 0; i < RAW_FLIPS; i++) {
            byte[] bytes = valid.clone();
            int at = rnd.nextInt(bytes.length);
            int bit = rnd.nextInt(8);
            bytes[at] ^= (byte) (1 << bit);
            n.mustRefuse(bytes, c, "bit " + bit + " of byte " + at + " flipped");
        }
        for (int i = 0; i < CHECKSUMMED_FLIPS; i++) {
            byte[] bytes = valid.clone();
            int at = 16 + rnd.nextInt(bytes.length - 20);
            int bit = rnd.nextInt(8);
            bytes[at] ^= (byte) (1 << bit);
            for (int[] span : spans) {
                if (at >= span[0] && at < span[0] + span[1] - 4) {
                    recomputeChecksum(bytes, span[0], span[1]);
                }
            }
            n.refuseOrPredict(bytes, c, "bit " + bit + " of byte " + at + " flipped, checksums recomputed", false);
        }
        for (Field f : fields) {
            corrupt(valid, f, c, n);
        }
        return new Result(c.name(), n.tried, n.refused, n.loaded, fields.size());
    }

    private static void corrupt(byte[] valid, Field f, Case c, Counter n) {
        String own = ownName(f.section());
        boolean dimension = f.kind() == FieldKind.CONTAINER || c.dimensions().contains(own)
                || c.dimensions().contains(own + "[" + f.index() + "]");
        switch (f.kind()) {
            case CONTAINER, INT -> {
                for (int v : BAD_INTS) {
                    ByteBuffer b = ByteBuffer.wrap(valid.clone());
                    if (b.getInt(f.offset()) != v) {
                        b.putInt(f.offset(), v);
                        n.refuseOrPredict(checksummed(b.array(), f), c, f.label() + " = " + v, dimension);
                    }
                }
            }
            case LONG -> {
                for (long v : BAD_LONGS) {
                    ByteBuffer b = ByteBuffer.wrap(valid.clone());
                    if (b.getLong(f.offset()) != v) {
                        b.putLong(f.offset(), v);
                        n.refuseOrPredict(checksummed(b.array(), f), c, f.label() + " = " + v, dimension);
                    }
                }
            }
            case DOUBLE -> {
                for (double v : BAD_DOUBLES) {
                    ByteBuffer b = ByteBuffer.wrap(valid.clone());
                    if (Double.compare(b.getDouble(f.offset()), v) != 0) {
                        b.putDouble(f.offset(), v);
                        n.refuseOrPredict(checksummed(b.array(), f), c, f.label() + " = " + v, false);
                    }
                }
            }
            case FLOAT -> {
                for (float v : BAD_FLOATS) {
                    ByteBuffer b = ByteBuffer.wrap(valid.clone());
                    if (Float.compare(b.getFloat(f.offset()), v) != 0) {
                        b.putFloat(f.offset(), v);
                        n.refuseOrPredict(checksummed(b.array(), f), c, f.label() + " = " + v, false);
                    }
                }
            }
        }
    }

    private static byte[] checksummed(byte[] bytes, Field f) {
        for (int[] span : f.files()) {
            recomputeChecksum(bytes, span[0], span[1]);
        }
        return bytes;
    }

    /** Counts reads and fails on the first one that ends otherwise than allowed. */
    private static final class Counter {
        int tried;
        int refused;
        int loaded;

        void mustRefuse(byte[] bytes, Case c, String what) {
            refuseOrPredict(bytes, c, what, true);
        }

        void refuseOrPredict(byte[] bytes, Case c, String what, boolean mustRefuse) {
            tried++;
            String label = c.name() + ": " + what;
            long before = allocatedBytes();
            Model back;
            try {
                back = Models.fromBytes(bytes, SOURCE);
            } catch (ModelFormatException e) {
                checkAllocation(before, bytes.length, label);
                String message = e.getMessage();
                boolean named = message != null
                        && (message.startsWith(SOURCE + ": ") || message.startsWith(SOURCE + "#"));
                if (!named || message.contains("Exception") || message.contains("java.")) {
                    throw new AssertionError(label + ": refused with an unclear message: " + message, e);
                }
                refused++;
                return;
            } catch (OutOfMemoryError e) {
                throw new AssertionError(label + ": OutOfMemoryError", e);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(label + ": " + e, e);
            }
            checkAllocation(before, bytes.length, label);
            if (mustRefuse) {
                throw new AssertionError(label + ": loaded a '" + back.modelType() + "' model; it must be refused");
            }
            try {
                c.probe().predict(back);
                Models.fromBytes(back.toBytes(), "written.again");
            } catch (AssertionError e) {
                throw new AssertionError(label + ": loaded, then " + e.getMessage(), e);
            } catch (Exception e) {
                throw new AssertionError(label + ": loaded, then " + e, e);
            }
            loaded++;
        }
    }

    private static String ownName(String section) {
        return section.substring(section.lastIndexOf('#') + 1);
    }

    private static int[] truncations(int size) {
        TreeSet<Integer> lengths = new TreeSet<>();
        for (int i = 0; i < Math.min(64, size); i++) {
            lengths.add(i);
        }
        for (int i = 0; i < TRUNCATIONS_SPREAD; i++) {
            lengths.add((int) ((long) size * i / TRUNCATIONS_SPREAD));
        }
        lengths.add(size - 1);
        lengths.remove(size);
        return lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void checkAllocation(long before, int size, String label) {
        long after = allocatedBytes();
        if (before >= 0 && after >= 0) {
            long used = after - before;
            if (used > 64L * size + (8 << 20)) {
                throw new AssertionError(label + ": reading allocated " + used + " bytes for a file of " + size);
            }
        }
    }

    /**
     * Bytes allocated by this thread so far (HotSpot's {@code com.sun.management.ThreadMXBean}, reached by reflection
     * so that no module under test needs {@code java.management}), or -1 where the JVM does not say.
     */
    private static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> sun = Class.forName("com.sun.management.ThreadMXBean");
            if (!sun.isInstance(bean)) {
                return -1;
            }
            return (long) sun.getMethod("getThreadAllocatedBytes", long.class).invoke(bean,
                    Thread.currentThread().getId());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Recomputes the CRC32 of the model file at {@code [start, start + length)}.
     *
     * @param bytes  changed in place
     * @param start  where the file starts
     * @param length its length, checksum included
     */
    public static void recomputeChecksum(byte[] bytes, int start, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, start, length - 4);
        ByteBuffer.wrap(bytes).putInt(start + length - 4, (int) crc.getValue());
    }

    /**
     * Recomputes every checksum of a file whose field was changed: the field's own file and the files around it.
     *
     * @param bytes changed in place
     * @param f     the field changed
     */
    public static void recomputeChecksums(byte[] bytes, Field f) {
        checksummed(bytes, f);
    }

    /** The distinct file spans, innermost (shortest) first, the outermost last. */
    private static List<int[]> spans(List<Field> fields, int size) {
        List<int[]> out = new ArrayList<>();
        for (Field f : fields) {
            for (int[] s : f.files()) {
                if (out.stream().noneMatch(o -> o[0] == s[0] && o[1] == s[1])) {
                    out.add(s);
                }
            }
        }
        if (out.isEmpty()) {
            out.add(new int[] {0, size});
        }
        out.sort(Comparator.comparingInt(s -> s[1]));
        return out;
    }

    /**
     * The fields of a valid model file, by the documented layout, nested model files included: the container's
     * counts and lengths, and the first three, the middle and the last two elements of every int, long, double and
     * float section (every element, up to 512, of the sections named in {@code full}).
     *
     * @param bytes a valid model file
     * @param full  names of sections to list whole (matched by their own name when nested)
     * @return its fields in file order
     */
    public static List<Field> fields(byte[] bytes, Set<String> full) {
        List<Field> out = new ArrayList<>();
        walk(bytes, 0, bytes.length, "", List.of(), full, out);
        return out;
    }

    private static void walk(byte[] bytes, int start, int length, String prefix, List<int[]> outer, Set<String> full,
                             List<Field> out) {
        List<int[]> files = new ArrayList<>();
        files.add(new int[] {start, length});
        files.addAll(outer);
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, start + length - 4);
        b.position(start + 16);
        out.add(new Field(prefix + "length of the model type", "", -1, b.position(), FieldKind.CONTAINER,
                files));
        skipString(b);
        b.getInt(); // the schema version: refused by the type check, not a count
        out.add(new Field(prefix + "length of the library version", "", -1, b.position(), FieldKind.CONTAINER,
                files));
        skipString(b);
        out.add(new Field(prefix + "section count", "", -1, b.position(), FieldKind.CONTAINER, files));
        int sections = b.getInt();
        for (int s = 0; s < sections; s++) {
            out.add(new Field(prefix + "length of section " + s + "'s name", "", -1, b.position(),
                    FieldKind.CONTAINER, files));
            int nameLength = b.getInt();
            String name = new String(bytes, b.position(), nameLength, StandardCharsets.UTF_8);
            b.position(b.position() + nameLength);
            String section = prefix + name;
            byte kind = b.get();
            out.add(new Field("element count of section '" + section + "'", "", -1, b.position(),
                    FieldKind.CONTAINER, files));
            int n = b.getInt();
            int width = switch (kind) {
                case 1, 3 -> 4;
                case 2, 4 -> 8;
                default -> 0;
            };
            if (width > 0) {
                FieldKind fk = switch (kind) {
                    case 1 -> FieldKind.INT;
                    case 2 -> FieldKind.LONG;
                    case 3 -> FieldKind.FLOAT;
                    default -> FieldKind.DOUBLE;
                };
                int at = b.position();
                for (int i : full.contains(name) ? all(n) : sampled(n)) {
                    out.add(new Field("section '" + section + "'[" + i + "]", section, i, at + width * i, fk,
                            files));
                }
                b.position(at + width * n);
            } else if (kind == 5) {
                for (int i = 0; i < n; i++) {
                    out.add(new Field("byte length of section '" + section + "'[" + i + "]", "", -1, b.position(),
                            FieldKind.CONTAINER, files));
                    skipString(b);
                }
            } else if (kind == 6) {
                int at = b.position();
                if (n >= 20 && bytes[at] == 'R' && bytes[at + 1] == 'T' && bytes[at + 2] == 'N'
                        && bytes[at + 3] == 'M') {
                    walk(bytes, at, n, section + "#", files, full, out);
                }
                b.position(at + n);
            } else {
                throw new AssertionError("unknown section kind " + kind + " in a valid file");
            }
        }
        if (b.position() != start + length - 4) {
            throw new AssertionError("the walk of a valid file ends at " + b.position() + ", not at its checksum "
                    + (start + length - 4));
        }
    }

    private static int[] all(int n) {
        int[] at = new int[Math.min(n, 512)];
        for (int i = 0; i < at.length; i++) {
            at[i] = i;
        }
        return at;
    }

    private static int[] sampled(int n) {
        TreeSet<Integer> at = new TreeSet<>();
        for (int i : new int[] {0, 1, 2, n / 2, n - 2, n - 1}) {
            if (i >= 0 && i < n) {
                at.add(i);
            }
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void skipString(ByteBuffer b) {
        int n = b.getInt();
        b.position(b.position() + n);
    }

    /**
     * Fails unless every value is finite.
     *
     * @param what   named in the message
     * @param values checked
     */
    public static void requireFinite(String what, double... values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new AssertionError(what + "[" + i + "] = " + values[i]);
            }
        }
    }

    /**
     * Fails unless every value is in {@code [low, high]} (NaN is not).
     *
     * @param what   named in the message
     * @param low    smallest allowed
     * @param high   largest allowed
     * @param values checked
     */
    public static void requireWithin(String what, double low, double high, double... values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= low && values[i] <= high)) {
                throw new AssertionError(what + "[" + i + "] = " + values[i] + ", outside [" + low + ", " + high + "]");
            }
        }
    }
}

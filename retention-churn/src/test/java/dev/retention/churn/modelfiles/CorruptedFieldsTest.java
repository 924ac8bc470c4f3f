package dev.retention.churn.modelfiles;

import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessingModel;
import dev.retention.model.Model;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Model files whose checksum is valid but whose counts, offsets and dimensions lie: for every churn model type, a
 * valid saved file is taken apart by its documented layout (docs/architecture.md, "The model file format":
 * header, then type, schema, library version, section count and sections of name, kind, element count and
 * elements; big-endian, CRC32 of everything before the last four bytes), walked independently of
 * {@code ModelFile}'s parser, nested model files (the pipeline's byte sections) included. Each length, count and
 * integer field, and each double, is set to -1, 0, 2^30, 2^31 - 1 (and the doubles also to +-1e308 and NaN), the
 * checksums of the file and of any file around it are recomputed, and the file is read.
 *
 * <p>A structural field (a length or count of the container, a tree offset, a child index, a node's feature or
 * count of rows, a column's level counts) must be refused with a {@link ModelFormatException}; any other
 * field must be refused the same way or load into a model whose predictions are probabilities in [0, 1]. Nothing
 * else may happen: no other exception, no {@code OutOfMemoryError} (the issue's 4.6 KB forest whose
 * {@code tree_offsets[1]} was 2^30 allocated 8 GB), and the read must not allocate more than 64 times the file's
 * size plus 4 MB (measured per thread where the JVM offers it).
 */
class CorruptedFieldsTest {

    /** Sections whose every int is structural (a node's feature is not: another valid feature is another tree). */
    private static final Set<String> STRUCTURAL_SECTIONS = Set.of("tree_offsets", "node_left", "node_right",
            "node_count", "level_counts");

    /** One field of a file: where it is, its width (4: int, 8: double), its name and whether it is structural. */
    record Field(int offset, boolean isDouble, String label, boolean structural, List<int[]> files) {
    }

    static List<Model> models() {
        return ChurnModelReaderTest.models().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyCorruptedField_isRefusedOrHarmless(Model m) {
        byte[] valid = m.toBytes();
        List<Field> fields = new ArrayList<>();
        walk(valid, 0, valid.length, "", new ArrayList<>(), fields);
        assertTrue(fields.size() > 20, "the walk found " + fields.size() + " fields");
        int refused = 0;
        int tried = 0;
        for (Field f : fields) {
            double[] values = f.isDouble() ? new double[] {-1, 0, 1 << 30, Integer.MAX_VALUE, 1e308, -1e308, Double.NaN}
                    : new double[] {-1, 0, 1 << 30, Integer.MAX_VALUE};
            for (double v : values) {
                byte[] bytes = valid.clone();
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                if (f.isDouble()) {
                    if (Double.compare(buf.getDouble(f.offset()), v) == 0) {
                        continue;
                    }
                    buf.putDouble(f.offset(), v);
                } else {
                    if (buf.getInt(f.offset()) == (int) v) {
                        continue;
                    }
                    buf.putInt(f.offset(), (int) v);
                }
                for (int[] span : f.files()) {
                    recomputeChecksum(bytes, span[0], span[1]);
                }
                tried++;
                String what = m.modelType() + " " + f.label() + " = " + v;
                if (read(bytes, what, f.structural())) {
                    refused++;
                }
            }
        }
        assertTrue(refused > 0 && tried > 100, refused + " of " + tried + " refused");
    }

    /**
     * Two coefficients of +-1e308 (a valid, checksummed file) on a row of 2s: the plain sum is {@code Infinity -
     * Infinity}, which gave NaN; the probability must be a number in [0, 1] and the same for the logistic model and
     * the SVM.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void extremeCoefficients_giveFiniteProbabilities(Model m) throws ModelFormatException {
        String algorithm = m.fitSummary().algorithm();
        if (!(m instanceof ProbabilisticClassifier c) || !(algorithm.contains("linear") || algorithm.contains("logistic"))) {
            return;
        }
        byte[] bytes = m.toBytes();
        List<Field> fields = new ArrayList<>();
        walk(bytes, 0, bytes.length, "", new ArrayList<>(), fields);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        for (Field f : fields) {
            if (f.label().equals("coefficients[0]")) {
                buf.putDouble(f.offset(), 1e308);
            } else if (f.label().equals("coefficients[1]")) {
                buf.putDouble(f.offset(), -1e308);
            }
        }
        recomputeChecksum(bytes, 0, bytes.length);
        ProbabilisticClassifier back = (ProbabilisticClassifier) Models.fromBytes(bytes, "extreme.rtnm");
        double[] twos = new double[c.featureCount()];
        java.util.Arrays.fill(twos, 2);
        double p = back.probability(twos);
        assertTrue(p >= 0 && p <= 1, m.modelType() + ": " + p);
        for (double v : back.contributions(twos).values()) {
            assertTrue(Double.isFinite(v), m.modelType() + ": contribution " + v);
        }
    }

    /** Reads corrupted bytes; returns whether they were refused, failing on anything but the two allowed ends. */
    private static boolean read(byte[] bytes, String what, boolean structural) {
        long before = allocatedBytes();
        Model back;
        try {
            back = Models.fromBytes(bytes, "corrupt.rtnm");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage().contains("corrupt.rtnm"), what + ": " + e.getMessage());
            checkAllocation(before, bytes.length, what);
            return true;
        } catch (Throwable e) {
            fail(what + ": " + e, e);
            return false;
        }
        checkAllocation(before, bytes.length, what);
        if (structural) {
            fail(what + ": a structural field was corrupted and the file still loaded: " + back.modelType());
        }
        try {
            for (double p : probabilities(back)) {
                assertTrue(p >= 0 && p <= 1, what + ": predicted " + p);
            }
            assertEquals(back.modelType(), Models.fromBytes(back.toBytes(), "again").modelType());
        } catch (ModelFormatException e) {
            fail(what + ": loaded, but its own bytes are refused: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            fail(what + ": loaded, then failed: " + e, e);
        }
        return false;
    }

    private static double[] probabilities(Model m) {
        if (m instanceof ProbabilisticClassifier c) {
            return c.probabilities(ChurnModelReaderTest.problem().x());
        }
        int[] rows = IntStream.range(0, ChurnModelReaderTest.table().rows()).toArray();
        if (m instanceof ChurnPipelineModel p) {
            return p.score(ChurnModelReaderTest.table(), rows).probabilities();
        }
        PreprocessingModel pre = (PreprocessingModel) m;
        double[] all = pre.transform(ChurnModelReaderTest.table(), rows).features().toRowMajor();
        double[] ok = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            assertTrue(Double.isFinite(all[i]), "transformed value " + all[i]);
        }
        return ok;
    }

    private static void checkAllocation(long before, int size, String what) {
        long after = allocatedBytes();
        if (before >= 0 && after >= 0) {
            long used = after - before;
            assertTrue(used <= 64L * size + (4 << 20), what + ": reading allocated " + used + " bytes for a file of "
                    + size);
        }
    }

    /**
     * Bytes allocated by this thread so far (HotSpot's {@code com.sun.management.ThreadMXBean}, reached by
     * reflection because the module under test does not read {@code java.management}), or -1 where the JVM does not
     * say.
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

    private static void recomputeChecksum(byte[] bytes, int start, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, start, length - 4);
        ByteBuffer.wrap(bytes).putInt(start + length - 4, (int) crc.getValue());
    }

    /**
     * Lists the fields of the model file at {@code [start, start + length)}, by the documented layout; {@code outer}
     * holds the spans of the files around it, whose checksums change with it.
     */
    private static void walk(byte[] bytes, int start, int length, String prefix, List<int[]> outer, List<Field> out) {
        List<int[]> files = new ArrayList<>();
        files.add(new int[] {start, length});
        files.addAll(outer);
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, start + length - 4);
        buf.position(start + 16);
        out.add(new Field(buf.position(), false, prefix + "type length", true, files));
        skipString(buf);
        buf.getInt();   // schema version
        out.add(new Field(buf.position(), false, prefix + "library version length", true, files));
        skipString(buf);
        out.add(new Field(buf.position(), false, prefix + "section count", true, files));
        int sections = buf.getInt();
        for (int s = 0; s < sections; s++) {
            out.add(new Field(buf.position(), false, prefix + "section " + s + " name length", true, files));
            String name = readString(bytes, buf);
            int kind = buf.get();
            out.add(new Field(buf.position(), false, prefix + name + " length", true, files));
            int n = buf.getInt();
            String label = prefix + name;
            switch (kind) {
                case 1 -> {
                    for (int i = 0; i < n; i++) {
                        out.add(new Field(buf.position(), false, label + "[" + i + "]",
                                STRUCTURAL_SECTIONS.contains(name), files));
                        buf.getInt();
                    }
                }
                case 2 -> buf.position(buf.position() + 8 * n);
                case 3 -> buf.position(buf.position() + 4 * n);
                case 4 -> {
                    for (int i = 0; i < n; i++) {
                        out.add(new Field(buf.position(), true, label + "[" + i + "]", false, files));
                        buf.getDouble();
                    }
                }
                case 5 -> {
                    for (int i = 0; i < n; i++) {
                        out.add(new Field(buf.position(), false, label + "[" + i + "] length", true, files));
                        skipString(buf);
                    }
                }
                case 6 -> {
                    int at = buf.position();
                    if (n >= 20 && bytes[at] == 'R' && bytes[at + 1] == 'T' && bytes[at + 2] == 'N'
                            && bytes[at + 3] == 'M') {
                        walk(bytes, at, n, label + "#", files, out);
                    }
                    buf.position(at + n);
                }
                default -> throw new AssertionError("unknown section kind " + kind + " in the valid file");
            }
        }
        assertEquals(start + length - 4, buf.position(), "the walk ends at the checksum");
    }

    private static void skipString(ByteBuffer buf) {
        int n = buf.getInt();
        buf.position(buf.position() + n);
    }

    private static String readString(byte[] bytes, ByteBuffer buf) {
        int n = buf.getInt();
        String s = new String(bytes, buf.position(), n, StandardCharsets.UTF_8);
        buf.position(buf.position() + n);
        return s;
    }
}

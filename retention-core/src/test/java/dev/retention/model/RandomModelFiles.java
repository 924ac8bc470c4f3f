package dev.retention.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test fixture: random section sets for {@link ModelFile} (every kind, empty arrays, unicode text,
 * NaN payloads and signed zeros), a bit-exact comparison, and a forger that frames hand-written bodies
 * with a correct header and checksum.
 */
final class RandomModelFiles {

    private RandomModelFiles() {
    }

    /** Random sections by name, values of the Java array type of their kind, in insertion order. */
    static Map<String, Object> sections(SplittableRandom rnd, int maxLength) {
        Map<String, Object> out = new LinkedHashMap<>();
        int count = rnd.nextInt(8);
        while (out.size() < count) {
            String name = rnd.nextInt(4) == 0 ? text(rnd, 6) : "s" + out.size();
            int n = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(maxLength + 1);
            Object data = switch (rnd.nextInt(6)) {
                case 0 -> {
                    int[] a = new int[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(-3, 3);
                    }
                    yield a;
                }
                case 1 -> {
                    long[] a = new long[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = rnd.nextInt(4) == 0 ? Long.MIN_VALUE + rnd.nextInt(2) : rnd.nextLong();
                    }
                    yield a;
                }
                case 2 -> {
                    float[] a = new float[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = Float.intBitsToFloat((int) (Double.doubleToRawLongBits(awkwardDouble(rnd)) >>> 32));
                        if (rnd.nextInt(4) == 0) {
                            a[i] = (float) awkwardDouble(rnd);
                        }
                    }
                    yield a;
                }
                case 3 -> {
                    double[] a = new double[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = awkwardDouble(rnd);
                    }
                    yield a;
                }
                case 4 -> {
                    String[] a = new String[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = text(rnd, 12);
                    }
                    yield a;
                }
                default -> {
                    byte[] a = new byte[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = (byte) rnd.nextInt();
                    }
                    yield a;
                }
            };
            out.putIfAbsent(name, data);
        }
        return out;
    }

    /** Doubles that a careless format would not round-trip bit for bit. */
    static double awkwardDouble(SplittableRandom rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> -0.0;
            case 1 -> Double.NaN;
            case 2 -> Double.longBitsToDouble(0x7FF0000000000000L | (1 + rnd.nextLong(0xFFFFFFFFFFFFFL)));  // NaN payloads
            case 3 -> Double.longBitsToDouble(0xFFF8000000000000L | rnd.nextLong(0x7FFFFFFFFFFFFL));        // negative NaN
            case 4 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 5 -> Double.MIN_VALUE * (1 + rnd.nextInt(100));                                             // subnormal
            case 6 -> rnd.nextBoolean() ? Double.MAX_VALUE : -Double.MIN_NORMAL;
            default -> Double.longBitsToDouble(rnd.nextLong());
        };
    }

    /** Well-formed unicode text: ASCII, accents, CJK, emoji outside the BMP, NUL, empty. */
    static String text(SplittableRandom rnd, int maxLength) {
        int n = rnd.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = switch (rnd.nextInt(6)) {
                case 0 -> 0x20 + rnd.nextInt(0x5F);
                case 1 -> 0xC0 + rnd.nextInt(0x140);
                case 2 -> 0x4E00 + rnd.nextInt(0x5000);
                case 3 -> 0x1F300 + rnd.nextInt(0x300);
                case 4 -> rnd.nextBoolean() ? 0 : 0xFFFD + rnd.nextInt(3);
                default -> 0x10000 + rnd.nextInt(0x100000 - 0x10000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** A writer holding the sections. */
    static ModelFile.Writer writer(String type, Map<String, Object> sections) {
        ModelFile.Writer w = ModelFile.writer(type);
        for (Map.Entry<String, Object> e : sections.entrySet()) {
            Object d = e.getValue();
            if (d instanceof int[] a) {
                w.putInts(e.getKey(), a);
            } else if (d instanceof long[] a) {
                w.putLongs(e.getKey(), a);
            } else if (d instanceof float[] a) {
                w.putFloats(e.getKey(), a);
            } else if (d instanceof double[] a) {
                w.putDoubles(e.getKey(), a);
            } else if (d instanceof String[] a) {
                w.putStrings(e.getKey(), a);
            } else {
                w.putBytes(e.getKey(), (byte[]) d);
            }
        }
        return w;
    }

    /** Asserts that the file holds exactly these sections, in this order, bit for bit. */
    static void assertContent(Map<String, Object> expected, ModelFile file, String where) throws ModelFormatException {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(file.sectionNames()), where);
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            String name = e.getKey();
            String at = where + " section '" + name + "'";
            Object d = e.getValue();
            if (d instanceof int[] a) {
                assertArrayEquals(a, file.ints(name), at);
            } else if (d instanceof long[] a) {
                assertArrayEquals(a, file.longs(name), at);
            } else if (d instanceof float[] a) {
                assertArrayEquals(floatBits(a), floatBits(file.floats(name)), at);
            } else if (d instanceof double[] a) {
                assertArrayEquals(doubleBits(a), doubleBits(file.doubles(name)), at);
            } else if (d instanceof String[] a) {
                assertArrayEquals(a, file.strings(name), at);
            } else {
                assertArrayEquals((byte[]) d, file.bytes(name), at);
            }
        }
    }

    static long[] doubleBits(double[] a) {
        long[] bits = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            bits[i] = Double.doubleToRawLongBits(a[i]);
        }
        return bits;
    }

    static int[] floatBits(float[] a) {
        int[] bits = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            bits[i] = Float.floatToRawIntBits(a[i]);
        }
        return bits;
    }

    // ---------------------------------------------------------------- forging

    /** Writes a body by hand, in the documented layout. */
    static final class Body {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Body string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return i32(b.length).raw(b);
        }

        Body i32(int v) {
            try {
                out.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Body i8(int v) {
            bytes.write(v);
            return this;
        }

        Body raw(byte[] b) {
            bytes.write(b, 0, b.length);
            return this;
        }

        byte[] toBytes() {
            return bytes.toByteArray();
        }
    }

    /** A complete file around the body: magic, the given version, flags 0, length, body, CRC32. */
    static byte[] frame(int version, byte[] body) {
        ByteBuffer buf = ByteBuffer.allocate(16 + body.length + 4);
        buf.putInt(0x52544E4D).putShort((short) version).putShort((short) 0).putLong(body.length).put(body);
        return withCrc(buf.array());
    }

    /** The bytes with their last four replaced by the CRC32 of the others. */
    static byte[] withCrc(byte[] file) {
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - 4);
        ByteBuffer.wrap(file, file.length - 4, 4).putInt((int) crc.getValue());
        return file;
    }

    /** Positions to corrupt: all of them for small files, else the header, the trailer and a sample. */
    static List<Integer> positions(SplittableRandom rnd, int length, int maxSample) {
        List<Integer> out = new ArrayList<>();
        if (length <= maxSample) {
            for (int i = 0; i < length; i++) {
                out.add(i);
            }
            return out;
        }
        for (int i = 0; i < 20; i++) {
            out.add(i);
        }
        for (int i = length - 4; i < length; i++) {
            out.add(i);
        }
        while (out.size() < maxSample) {
            out.add(20 + rnd.nextInt(length - 24));
        }
        return out;
    }
}

package dev.retention.model;

import dev.retention.model.RandomModelFiles.Body;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {

    private static ModelFile.Writer sample() {
        return ModelFile.writer("rfm-scorer")
                .putDoubles("edges", new double[] {0.5, -0.0, Double.NaN})
                .putInts("counts", new int[] {3, 1, 4})
                .putLongs("times", new long[0])
                .putFloats("weights", new float[] {1.5f})
                .putStrings("labels", new String[] {"Champions", "Ünter \u00e9t\u00e9 \u4e2d\u6587 \uD83D\uDE00", ""})
                .putBytes("blob", new byte[] {-1, 0, 127})
                .putString("name", "rfm")
                .putInt("k", 5)
                .putLong("seed", -42L)
                .putDouble("alpha", 0.25);
    }

    @Test
    void parse_readsWhatWasWritten() throws Exception {
        ModelFile f = ModelFile.parse(sample().toBytes(), "mem").requireType("rfm-scorer");
        assertEquals("rfm-scorer", f.modelType());
        assertEquals(2, f.formatVersion());
        assertEquals(1, f.schemaVersion());
        assertEquals("mem", f.source());
        assertEquals(List.of("edges", "counts", "times", "weights", "labels", "blob", "name", "k", "seed", "alpha"),
                List.copyOf(f.sectionNames()));
        assertArrayEquals(new long[] {Double.doubleToRawLongBits(0.5), Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(Double.NaN)}, RandomModelFiles.doubleBits(f.doubles("edges")));
        assertArrayEquals(new int[] {3, 1, 4}, f.ints("counts"));
        assertEquals(0, f.longs("times").length);
        assertArrayEquals(new float[] {1.5f}, f.floats("weights"));
        assertArrayEquals(new String[] {"Champions", "Ünter \u00e9t\u00e9 \u4e2d\u6587 \uD83D\uDE00", ""},
                f.strings("labels"));
        assertArrayEquals(new byte[] {-1, 0, 127}, f.bytes("blob"));
        assertEquals("rfm", f.string("name"));
        assertEquals(5, f.intValue("k"));
        assertEquals(-42L, f.longValue("seed"));
        assertEquals(0.25, f.doubleValue("alpha"));
        assertTrue(f.has("k"));
        assertFalse(f.has("K"));
    }

    @Test
    void writtenBy_isTheLibraryVersion() throws Exception {
        String version = ModelFile.libraryVersion();
        assertFalse(version.contains("${"), version);
        assertFalse(version.isBlank());
        assertEquals(version, ModelFile.parse(sample().toBytes(), "mem").writtenBy());
    }

    @Test
    void layout_isTheDocumentedOne() {
        byte[] bytes = ModelFile.writer("t").toBytes();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        assertEquals(0x52544E4D, buf.getInt());          // "RTNM"
        assertEquals(ModelFile.FORMAT_VERSION, buf.getShort());
        assertEquals(0, buf.getShort());                  // flags
        assertEquals(bytes.length - 20, buf.getLong());  // body length
        assertArrayEquals(Arrays.copyOf(bytes, bytes.length), RandomModelFiles.withCrc(bytes.clone()));
    }

    @Test
    void accessors_copyTheirArrays() throws Exception {
        ModelFile f = ModelFile.parse(sample().toBytes(), "mem");
        f.ints("counts")[0] = 99;
        f.strings("labels")[0] = "changed";
        f.doubles("edges")[0] = 99;
        assertEquals(3, f.ints("counts")[0]);
        assertEquals("Champions", f.strings("labels")[0]);
        assertEquals(0.5, f.doubles("edges")[0]);
        assertThrows(UnsupportedOperationException.class, () -> f.sectionNames().clear());
    }

    @Test
    void writer_copiesArraysWhenPut() throws Exception {
        int[] counts = {1, 2};
        ModelFile.Writer w = ModelFile.writer("t").putInts("counts", counts);
        counts[0] = 99;
        assertArrayEquals(new int[] {1, 2}, ModelFile.parse(w.toBytes(), "mem").ints("counts"));
    }

    @Test
    void toString_listsSections() throws Exception {
        String s = ModelFile.parse(sample().toBytes(), "model.bin").toString();
        assertTrue(s.startsWith("ModelFile 'rfm-scorer' (schema 1, format 2, written by "), s);
        assertTrue(s.contains(") from model.bin\n"), s);
        assertTrue(s.contains("  edges                    doubles  3\n"), s);
        assertTrue(s.contains("  labels                   strings  3\n"), s);
    }

    // ---------------------------------------------------------------- refusing bad files

    @Test
    void parse_refusesForeignFiles() {
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(png, "logo.png"));
        assertEquals("logo.png: not a Retention model file (magic number 0x89504E47, expected 0x52544E4D \"RTNM\")",
                e.getMessage());

        byte[] zip = new byte[64];
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, zip, 0, 4);
        e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(zip, "model.zip"));
        assertTrue(e.getMessage().startsWith("model.zip: not a Retention model file (magic number 0x504B0304"),
                e.getMessage());

        e = assertThrows(ModelFormatException.class, () -> ModelFile.parse("RTNM".getBytes(StandardCharsets.US_ASCII), "tiny"));
        assertEquals("tiny: not a model file: 4 bytes is shorter than the 20-byte header and checksum",
                e.getMessage());
        assertThrows(ModelFormatException.class, () -> ModelFile.parse(new byte[0], "empty"));
    }

    @Test
    void parse_refusesNewerFormatVersion() throws Exception {
        byte[] bytes = sample().toBytes();
        bytes[4] = 0;
        bytes[5] = (byte) (ModelFile.FORMAT_VERSION + 1);
        RandomModelFiles.withCrc(bytes);   // a well-formed file from the future, not a corrupted one
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(bytes, "future.bin"));
        assertTrue(e.getMessage().startsWith("future.bin: model file format version " + (ModelFile.FORMAT_VERSION + 1)
                + " is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("reads version " + ModelFile.FORMAT_VERSION), e.getMessage());
        assertTrue(e.getMessage().endsWith("the file was written by a newer library"), e.getMessage());

        byte[] v65535 = sample().toBytes();
        v65535[4] = (byte) 0xFF;
        v65535[5] = (byte) 0xFF;
        e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(RandomModelFiles.withCrc(v65535), "f"));
        assertTrue(e.getMessage().contains("version 65535 is not supported"), e.getMessage());
    }

    @Test
    void parse_refusesVersionZero() {
        byte[] bytes = RandomModelFiles.frame(0, new Body().string("t").string("v").i32(0).toBytes());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(bytes, "f"));
        assertTrue(e.getMessage().contains("version 0 is not supported"), e.getMessage());
        assertFalse(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void parse_refusesBadChecksumSayingSo() {
        byte[] bytes = sample().toBytes();
        bytes[30] ^= 1;
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(bytes, "f.bin"));
        assertTrue(e.getMessage().startsWith("f.bin: model file is corrupted: checksum 0x"), e.getMessage());
    }

    @Test
    void parse_refusesTruncatedFileSayingSo() {
        byte[] bytes = sample().toBytes();
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFile.parse(Arrays.copyOf(bytes, bytes.length - 10), "f.bin"));
        assertEquals("f.bin: model file is truncated: the header announces a body of " + (bytes.length - 20)
                + " bytes, the file holds " + (bytes.length - 30), e.getMessage());
    }

    @Test
    void requireType_refusesAnotherModelNamingBoth() throws Exception {
        ModelFile f = ModelFile.parse(sample().toBytes(), "model.bin");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> f.requireType("kmeans"));
        assertEquals("model.bin: holds a 'rfm-scorer' model, expected 'kmeans'", e.getMessage());
    }

    @Test
    void section_missingNamesTheSectionAndListsThoseThere() throws Exception {
        ModelFile f = ModelFile.parse(ModelFile.writer("kmeans").putInt("k", 3).putDoubles("centroids",
                new double[6]).toBytes(), "km.bin");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> f.doubles("inertia"));
        assertEquals("km.bin: the 'kmeans' model has no section 'inertia' (sections: [k, centroids])", e.getMessage());
    }

    @Test
    void section_ofAnotherKindSaysWhichKindItHolds() throws Exception {
        ModelFile f = ModelFile.parse(sample().toBytes(), "f.bin");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> f.ints("edges"));
        assertEquals("f.bin: section 'edges' holds doubles, not ints", e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> f.string("k"));
        assertEquals("f.bin: section 'k' holds ints, not strings", e.getMessage());
    }

    @Test
    void singleValue_ofLongerSectionIsRefused() throws Exception {
        ModelFile f = ModelFile.parse(sample().toBytes(), "f.bin");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> f.intValue("counts"));
        assertEquals("f.bin: section 'counts' holds 3 values, expected 1", e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> f.longValue("times"));
        assertEquals("f.bin: section 'times' holds 0 values, expected 1", e.getMessage());
    }

    // Bodies that pass the checksum but do not parse: only a forger or a buggy writer makes these.

    @Test
    void parse_refusesUnknownSectionKind() {
        byte[] f = RandomModelFiles.frame(2, new Body().string("t").i32(1).string("v").i32(1)
                .string("x").i8(9).i32(0).toBytes());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(f, "f"));
        assertEquals("f: section 'x' has an unknown kind", e.getMessage());
    }

    @Test
    void parse_refusesDuplicateSection() {
        byte[] f = RandomModelFiles.frame(2, new Body().string("t").i32(1).string("v").i32(2)
                .string("x").i8(1).i32(0).string("x").i8(1).i32(0).toBytes());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(f, "f"));
        assertEquals("f: section 'x' occurs twice", e.getMessage());
    }

    @Test
    void parse_refusesTrailingBytes() {
        byte[] f = RandomModelFiles.frame(2, new Body().string("t").i32(1).string("v").i32(0).i8(0).i8(0).toBytes());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(f, "f"));
        assertEquals("f: 2 unexpected bytes after the last section", e.getMessage());
    }

    @Test
    void parse_refusesNegativeAndOversizedCounts() {
        byte[] negative = RandomModelFiles.frame(2, new Body().string("t").i32(1).string("v").i32(-1).toBytes());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(negative, "f"));
        assertEquals("f: negative section count: -1", e.getMessage());

        byte[] huge = RandomModelFiles.frame(2, new Body().string("t").i32(1).string("v").i32(1)
                .string("x").i8(4).i32(Integer.MAX_VALUE).toBytes());
        e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(huge, "f"));
        assertEquals("f: a section of 2147483647 doubles does not fit in the 0 bytes left", e.getMessage());

        byte[] longString = RandomModelFiles.frame(2, new Body().i32(1000).toBytes());
        e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(longString, "f"));
        assertEquals("f: a string of 1000 bytes does not fit in the 0 bytes left", e.getMessage());

        byte[] cut = RandomModelFiles.frame(2, new Body().string("t").i32(1).string("v").i32(1).string("x").toBytes());
        e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(cut, "f"));
        assertEquals("f: model file body ends in the middle of a section", e.getMessage());
    }

    // ---------------------------------------------------------------- writer misuse

    @Test
    void writer_rejectsDuplicateSectionName() {
        ModelFile.Writer w = ModelFile.writer("t").putInt("k", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.putDoubles("k", new double[0]));
        assertEquals("section 'k' was already put", e.getMessage());
    }

    @Test
    void writer_rejectsNullStringNamingItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.writer("t").putStrings("labels", new String[] {"a", null}));
        assertEquals("section 'labels' has a null string at index 1", e.getMessage());
        assertThrows(NullPointerException.class, () -> ModelFile.writer(null));
        assertThrows(NullPointerException.class, () -> ModelFile.writer("t").putInts(null, new int[0]));
        assertThrows(NullPointerException.class, () -> ModelFile.writer("t").putInts("x", null));
    }

    @Test
    void writer_rejectsTextThatUtf8CannotHold() {
        // an unpaired surrogate has no UTF-8 form; writing it as '?' would silently change the model
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.writer("t").putStrings("labels", new String[] {"ok", "a\uD83D"}));
        assertEquals("section 'labels' has a string with an unpaired surrogate U+D83D at index 1, char 1",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.writer("t").putInt("\uDE00x", 1));
        assertEquals("section name has an unpaired surrogate U+DE00 at char 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.writer("model\uD800"));
        assertEquals("modelType has an unpaired surrogate U+D800 at char 5", e.getMessage());
    }

    // ---------------------------------------------------------------- files

    @Test
    void write_isReadBackFromDisk(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("model.rtnm");
        sample().write(path);
        ModelFile f = ModelFile.read(path);
        assertEquals(path.toString(), f.source());
        assertArrayEquals(new int[] {3, 1, 4}, f.ints("counts"));
        assertArrayEquals(sample().toBytes(), Files.readAllBytes(path));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(path), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void write_replacesAnExistingFile(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("m");
        Files.write(path, "old content that is not a model".getBytes(StandardCharsets.US_ASCII));
        ModelFile.writer("new").putInt("k", 7).write(path);
        assertEquals(7, ModelFile.read(path).requireType("new").intValue("k"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void write_intoMissingDirectoryFailsAndLeavesNothing(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("missing").resolve("model.bin");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> sample().write(path));
        assertFalse(Files.exists(path));
        // the message names the file asked for and why, not the temporary file
        assertEquals(path + ": cannot write the model file: its directory " + path.getParent().toAbsolutePath()
                + " does not exist", e.getMessage());
    }

    @Test
    void read_refusesCorruptedFileOnDiskNamingIt(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("model.bin");
        byte[] bytes = sample().toBytes();
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(path, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(path));
        assertTrue(e.getMessage().startsWith(path + ": model file is corrupted"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> ModelFile.read(dir.resolve("absent.bin")));
    }

    @Test
    void read_fromStreamUsesTheGivenSourceName() throws IOException {
        ModelFile f = ModelFile.read(new ByteArrayInputStream(sample().toBytes()), "classpath:/m.bin");
        assertEquals("classpath:/m.bin", f.source());
        assertEquals(5, f.intValue("k"));
    }

    @Test
    void parse_refusesFormatVersion1NamingTheCause() throws Exception {
        byte[] bytes = sample().toBytes();
        bytes[5] = 1;
        RandomModelFiles.withCrc(bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(bytes, "old.bin"));
        assertTrue(e.getMessage().startsWith("old.bin: model file format version 1 is not supported"), e.getMessage());
        assertTrue(e.getMessage().endsWith("fit the model again and save it"), e.getMessage());
    }

    @Test
    void requireType_refusesANewerSchemaOfTheType() throws Exception {
        ModelFile f = ModelFile.parse(ModelFile.writer("kmeans", 3).putInt("k", 2).toBytes(), "new.bin");
        assertEquals(3, f.schemaVersion());
        assertEquals(f, f.requireType("kmeans", 3));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> f.requireType("kmeans", 2));
        assertTrue(e.getMessage().startsWith("new.bin: the 'kmeans' model has schema version 3, written by library "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("reads schema versions up to 2"), e.getMessage());
    }

    @Test
    void writer_refusesASchemaVersionBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.writer("t", 0));
        assertEquals("schemaVersion must be >= 1, got 0", e.getMessage());
    }

    @Test
    void parse_refusesASchemaVersionBelowOne() {
        byte[] f = RandomModelFiles.frame(2, new Body().string("t").i32(0).string("v").i32(0).toBytes());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(f, "f"));
        assertEquals("f: schema version of the 't' model must be >= 1, got 0", e.getMessage());
    }
}

package dev.retention.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ModelFile} over seeded random section sets; see {@link RandomModelFiles}. */
class ModelFilePropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** Fewer files for the tests that parse each file a hundred times. */
    static LongStream fewerSeeds() {
        return LongStream.range(0, 200);
    }

    /**
     * Every fourth file is small and checked at every byte position; the others are larger and
     * checked at the 20 header bytes, the 4 checksum bytes and a random sample of the rest.
     */
    private static byte[] file(long seed, SplittableRandom rnd) {
        return RandomModelFiles.writer("m", RandomModelFiles.sections(rnd, seed % 4 == 0 ? 2 : 12)).toBytes();
    }

    private static int maxPositions(long seed) {
        return seed % 4 == 0 ? 400 : 64;
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void saveThenLoad_givesEqualContent(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, Object> sections = RandomModelFiles.sections(rnd, 40);
        String type = RandomModelFiles.text(rnd, 10);
        String where = "seed=" + seed;
        byte[] bytes = RandomModelFiles.writer(type, sections).toBytes();

        ModelFile file = ModelFile.parse(bytes, "mem");
        assertEquals(type, file.modelType(), where);
        assertEquals(ModelFile.FORMAT_VERSION, file.formatVersion(), where);
        assertEquals(ModelFile.libraryVersion(), file.writtenBy(), where);
        RandomModelFiles.assertContent(sections, file, where);
        assertEquals(file, file.requireType(type), where);

        // writing is deterministic: the same sections give the same bytes
        assertTrue(Arrays.equals(bytes, RandomModelFiles.writer(type, sections).toBytes()), where);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("fewerSeeds")
    void corruptedByte_isAlwaysDetected(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] bytes = file(seed, rnd);
        for (int pos : RandomModelFiles.positions(rnd, bytes.length, maxPositions(seed))) {
            byte[] bad = bytes.clone();
            bad[pos] ^= (byte) (1 + rnd.nextInt(255));
            String where = "seed=" + seed + " byte " + pos + " of " + bytes.length;
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(bad, "f.bin"),
                    where);
            assertTrue(e.getMessage().startsWith("f.bin: "), where + ": " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("fewerSeeds")
    void truncatedOrExtendedFile_isRefused(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] bytes = file(seed, rnd);
        for (int length : RandomModelFiles.positions(rnd, bytes.length, maxPositions(seed))) {
            byte[] cut = Arrays.copyOf(bytes, length);
            String where = "seed=" + seed + " cut to " + length + " of " + bytes.length;
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(cut, "f.bin"),
                    where);
            assertTrue(e.getMessage().startsWith("f.bin: "), where + ": " + e.getMessage());
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + rnd.nextInt(8));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(longer, "f.bin"),
                "seed=" + seed);
        assertTrue(e.getMessage().contains("too long"), "seed=" + seed + ": " + e.getMessage());
    }
}

package dev.retention.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader's own checks. Core's one reader reads RFM models only, so other types are unknown here; the modules
 * that define models test that {@link Models#load} returns their models.
 */
class ModelsTest {

    @Test
    void fromBytes_ofATypeWithoutReader_namesTheTypeAndWhatCanBeRead() {
        byte[] bytes = ModelFile.writer("no-such-model", 1).putInt("k", 1).toBytes();
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(bytes, "x.model"));
        assertTrue(e.getMessage().startsWith("x.model: no reader for model type 'no-such-model' (the module that "
                + "defines it is not on the class or module path); types readable here: "), e.getMessage());
    }

    @Test
    void load_refusesACorruptedFileBeforeLookingForAReader(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("m.model");
        ModelFile.writer("no-such-model", 1).putInt("k", 1).write(p);
        byte[] bytes = java.nio.file.Files.readAllBytes(p);
        bytes[bytes.length - 5] ^= 1;
        java.nio.file.Files.write(p, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(p));
        assertTrue(e.getMessage().startsWith(p + ": model file is corrupted"), e.getMessage());
    }

    @Test
    void readableTypes_inCoreAloneAreCoresOwn() {
        assertEquals(java.util.Set.of("rfm"), Models.readableTypes());
    }
}

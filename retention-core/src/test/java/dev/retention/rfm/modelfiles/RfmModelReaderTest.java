package dev.retention.rfm.modelfiles;

import dev.retention.model.ModelReader;
import dev.retention.model.Models;
import dev.retention.rfm.RfmModel;
import dev.retention.rfm.RfmSegments;
import dev.retention.rfm.RfmWeights;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Core's model reader is found both ways: through the module descriptor and through {@code META-INF/services}. */
class RfmModelReaderTest {

    @Test
    void modelTypes_areCoresModels() {
        assertEquals(Set.of(RfmModel.MODEL_TYPE), new RfmModelReader().modelTypes());
    }

    @Test
    void serviceLoader_findsTheReader() {
        List<String> found = ServiceLoader.load(ModelReader.class).stream().map(p -> p.type().getName()).toList();
        assertTrue(found.contains(RfmModelReader.class.getName()), found.toString());
    }

    /** The tests run on the module path, so the class-path registration is checked by reading it. */
    @Test
    void classPathRegistration_namesTheReader() throws IOException {
        try (InputStream in = RfmModelReader.class.getModule()
                .getResourceAsStream("META-INF/services/" + ModelReader.class.getName())) {
            assertNotNull(in, "META-INF/services entry");
            assertEquals(List.of(RfmModelReader.class.getName()),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        }
    }

    @Test
    void read_returnsTheModelOfTheFile() throws IOException {
        RfmModel model = RfmModel.of(new double[] {7, 30, 90, 180}, new double[] {1, 2, 4, 8},
                new double[] {10, 50, 100, 500}, RfmWeights.equal(), RfmSegments.defaults());
        assertEquals(model, new RfmModelReader().read(dev.retention.model.ModelFile.parse(model.toBytes(), "m")));
        assertEquals(model, Models.fromBytes(model.toBytes(), "m"));
    }
}

package dev.retention.cluster.modelfiles;

import dev.retention.cluster.RandomPoints;
import dev.retention.cluster.dbscan.Dbscan;
import dev.retention.cluster.dbscan.DbscanModel;
import dev.retention.cluster.dbscan.DbscanOptions;
import dev.retention.cluster.hierarchical.Agglomerative;
import dev.retention.cluster.hierarchical.AgglomerativeModel;
import dev.retention.cluster.hierarchical.AgglomerativeOptions;
import dev.retention.cluster.hierarchical.Linkage;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.cluster.kmeans.MiniBatchKMeans;
import dev.retention.cluster.kmeans.MiniBatchKMeansOptions;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every clustering model through the one loader: {@code Models.load} returns an equal model of the right class,
 * and corrupted, foreign, newer-schema and tampered files are refused with a message naming the file.
 */
class ClusterModelReaderTest {

    private static final DenseMatrix X = DenseMatrix.of(RandomPoints.blobs(21,
            new double[][] {{1, 2, 30}, {5, 1, 300}, {9, 8, 3000}}, 60, 0.6), "recency", "frequency", "monetary");

    static Stream<Model> models() {
        FeatureScaling.Kind log = FeatureScaling.Kind.LOG1P_ZSCORE;
        return Stream.of(
                KMeans.fit(X, KMeansOptions.defaults().withK(3).withNInit(2).withScaling(log)),
                KMeans.fit(X, KMeansOptions.defaults().withK(2)),
                MiniBatchKMeans.fit(X, MiniBatchKMeansOptions.defaults().withK(3).withBatchSize(32).withScaling(log)),
                Dbscan.fit(X, DbscanOptions.defaults().withEps(0.4).withMinSamples(5).withScaling(log)),
                Dbscan.fit(X, DbscanOptions.defaults().withEps(1e-9)),
                Agglomerative.fit(X, AgglomerativeOptions.defaults().withScaling(log)),
                Agglomerative.fit(X, AgglomerativeOptions.defaults().withLinkage(Linkage.AVERAGE)));
    }

    @Test
    void reader_listsTheThreeTypes_andModelsFindsIt() {
        assertEquals(Set.of("kmeans", "dbscan", "agglomerative"), new ClusterModelReader().modelTypes());
        assertTrue(Models.readableTypes().containsAll(Set.of("kmeans", "dbscan", "agglomerative")),
                Models.readableTypes().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void load_returnsAnEqualModelOfItsClass(Model m, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.model");
        m.save(file);
        Model back = Models.load(file, m.getClass());
        assertEquals(m, back);
        assertEquals(m.hashCode(), back.hashCode());
        assertSame(m.getClass(), back.getClass());
        assertEquals(m.fitSummary(), back.fitSummary(), "the summary survives too");
        assertArrayEquals(m.toBytes(), back.toBytes());
        assertEquals(m, Models.load(file));
        assertEquals(m.toString(), back.toString());
        Class<? extends Model> other = m instanceof KMeansModel ? DbscanModel.class : KMeansModel.class;
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(file, other));
        assertTrue(e.getMessage().startsWith(file + ": holds a '" + m.modelType() + "' model"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void load_refusesCorruptedForeignAndNewerFiles(Model m, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.model");
        byte[] bytes = m.toBytes();
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(e.getMessage().startsWith(file + ": model file is corrupted"), e.getMessage());

        ModelFile foreign = ModelFile.parse(ModelFile.writer("rfm-scorer", 1).putInt("k", 1).toBytes(), "f.model");
        e = assertThrows(ModelFormatException.class, () -> read(m, foreign));
        assertEquals("f.model: holds a 'rfm-scorer' model, expected '" + m.modelType() + "'", e.getMessage());

        ModelFile newer = ModelFile.parse(ModelFile.writer(m.modelType(), m.schemaVersion() + 1).toBytes(),
                "n.model");
        e = assertThrows(ModelFormatException.class, () -> Models.read(newer));
        assertTrue(e.getMessage().startsWith("n.model: the '" + m.modelType() + "' model has schema version "
                + (m.schemaVersion() + 1)), e.getMessage());
    }

    private static Model read(Model m, ModelFile file) throws ModelFormatException {
        if (m instanceof KMeansModel) {
            return KMeansModel.read(file);
        }
        return m instanceof DbscanModel ? DbscanModel.read(file) : AgglomerativeModel.read(file);
    }

    @Test
    void read_refusesTamperedSectionsNamingTheFile() throws IOException {
        KMeansModel k = KMeans.fit(X, KMeansOptions.defaults().withK(3));
        refused(k, "labels", a -> new int[] {0, 1, 7}, "t.model: section 'labels' holds 7 at 2, outside [0, 3)");
        refused(k, "centres", a -> {
            double[] c = ((double[]) a).clone();
            c[4] = Double.NaN;
            return c;
        }, "t.model: section 'centres' holds a non-finite value NaN at 4");
        refused(k, "scaling.mean", a -> new double[] {0, 0}, "t.model: invalid feature scaling 'NONE'");
        refused(k, "columns", a -> new String[] {"a", "b"}, "t.model: the feature scaling has 3 columns, the model 2");
        DbscanModel d = Dbscan.fit(X, DbscanOptions.defaults().withEps(0.8).withMinSamples(4));
        refused(d, "eps", a -> new double[] {-1}, "t.model: eps must be finite and > 0, got -1.0");
        refused(d, "core_points", a -> new double[] {1, 2, 3}, "t.model: section 'core_points' holds 3 values");
        refused(d, "core", a -> new byte[((byte[]) a).length], "t.model: section 'core_points' holds");
        AgglomerativeModel g = Agglomerative.fit(X, AgglomerativeOptions.defaults());
        refused(g, "left", a -> {
            int[] l = ((int[]) a).clone();
            l[3] = l[4];
            return l;
        }, "t.model: linkage row ");
        refused(g, "height", a -> {
            double[] h = ((double[]) a).clone();
            h[h.length - 1] = h[0] - 1;
            return h;
        }, "t.model: linkage row " + (X.rows() - 2) + " has height");
        refused(g, "linkage", a -> new String[] {"CENTROID"}, "t.model: unknown linkage 'CENTROID'");
    }

    /** Rewrites {@code m}'s file with one section replaced, and checks that the reader refuses it. */
    private static void refused(Model m, String section, UnaryOperator<Object> change, String message)
            throws IOException {
        ModelFile file = ModelFile.parse(m.toBytes(), "t.model");
        ModelFile.Writer w = ModelFile.writer(file.modelType(), file.schemaVersion());
        for (String name : file.sectionNames()) {
            Object v = section(file, name);
            v = name.equals(section) ? change.apply(v) : v;
            if (v instanceof int[] a) {
                w.putInts(name, a);
            } else if (v instanceof long[] a) {
                w.putLongs(name, a);
            } else if (v instanceof double[] a) {
                w.putDoubles(name, a);
            } else if (v instanceof byte[] a) {
                w.putBytes(name, a);
            } else {
                w.putStrings(name, (String[]) v);
            }
        }
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Models.fromBytes(w.toBytes(), "t.model"), section);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    private static Object section(ModelFile file, String name) throws ModelFormatException {
        for (int kind = 0; ; kind++) {
            try {
                return switch (kind) {
                    case 0 -> file.ints(name);
                    case 1 -> file.longs(name);
                    case 2 -> file.doubles(name);
                    case 3 -> file.bytes(name);
                    default -> file.strings(name);
                };
            } catch (ModelFormatException | ClassCastException e) {
                if (kind > 3) {
                    throw e;
                }
            }
        }
    }
}

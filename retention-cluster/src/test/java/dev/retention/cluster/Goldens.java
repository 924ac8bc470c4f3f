package dev.retention.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the golden files of {@code src/test/resources/dev/retention/cluster/golden}, written by
 * {@code goldens.py} there with scikit-learn 1.2.1, SciPy 1.10.1 and NumPy 1.24.2 (Debian's
 * {@code /usr/bin/python3}): data sets as CSV of repr doubles, expected outputs as {@code key=v1,v2,...}.
 */
public final class Goldens {

    private final Map<String, String[]> values;

    private Goldens(Map<String, String[]> values) {
        this.values = values;
    }

    /** The points of {@code <name>_points.csv}. */
    public static double[][] points(String name) {
        List<double[]> rows = new ArrayList<>();
        for (String line : lines(name + "_points.csv")) {
            String[] f = line.split(",", -1);
            double[] r = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                r[j] = Double.parseDouble(f[j]);
            }
            rows.add(r);
        }
        return rows.toArray(new double[0][]);
    }

    /** The expected values of {@code <name>_golden.txt}. */
    public static Goldens of(String name) {
        Map<String, String[]> m = new HashMap<>();
        for (String line : lines(name + "_golden.txt")) {
            int eq = line.indexOf('=');
            String v = line.substring(eq + 1);
            m.put(line.substring(0, eq), v.isEmpty() ? new String[0] : v.split(","));
        }
        return new Goldens(m);
    }

    private String[] get(String key) {
        String[] v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no golden value '" + key + "'");
        }
        return v;
    }

    /** Doubles of a key. */
    public double[] doubles(String key) {
        String[] v = get(key);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.parseDouble(v[i]);
        }
        return out;
    }

    /** The single double of a key. */
    public double value(String key) {
        return doubles(key)[0];
    }

    /** Ints of a key. */
    public int[] ints(String key) {
        String[] v = get(key);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Integer.parseInt(v[i]);
        }
        return out;
    }

    /** A row-major matrix of {@code columns} columns. */
    public double[][] matrix(String key, int columns) {
        double[] flat = doubles(key);
        double[][] out = new double[flat.length / columns][columns];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(flat, i * columns, out[i], 0, columns);
        }
        return out;
    }

    private static List<String> lines(String file) {
        String resource = "golden/" + file;
        try (InputStream in = Goldens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

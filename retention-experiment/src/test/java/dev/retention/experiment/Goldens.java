package dev.retention.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The golden cases written by {@code src/test/python/experiment_reference.py} (SciPy 1.10.1, statsmodels 0.13.5):
 * one line per case, {@code kind args | expected}.
 */
public final class Goldens {

    /** One case (test data: the arrays are not copied). */
    @SuppressWarnings("ArrayRecordComponent") // read-only test data
    public record Case(String kind, double[] args, double[] expected) {
        @Override
        public String toString() {
            return kind + " " + Arrays.toString(args);
        }
    }

    private Goldens() {
    }

    /** {@return every case of a kind} */
    public static List<Case> of(String kind) {
        List<Case> out = new ArrayList<>();
        for (String line : lines("goldens.txt")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int bar = line.indexOf('|');
            String[] halves = {line.substring(0, bar), line.substring(bar + 1)};
            String[] head = halves[0].trim().split(" ");
            if (!head[0].equals(kind)) {
                continue;
            }
            double[] args = Arrays.stream(head).skip(1).mapToDouble(Double::parseDouble).toArray();
            double[] expected = Arrays.stream(halves[1].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
            out.add(new Case(kind, args, expected));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no golden case of kind " + kind);
        }
        return out;
    }

    /** {@return the generated samples, two lines (treated, control) per case} */
    public static List<double[]> samples() {
        List<double[]> out = new ArrayList<>();
        for (String line : lines("samples.txt")) {
            out.add(Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray());
        }
        return out;
    }

    private static List<String> lines(String name) {
        try (InputStream in = Objects.requireNonNull(Goldens.class.getResourceAsStream(name), name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts {@code |actual - expected| <= rel |expected| + abs}. */
    public static void close(double expected, double actual, double rel, double abs, String what) {
        if (!(Math.abs(actual - expected) <= rel * Math.abs(expected) + abs)) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual + " (relative error "
                    + Math.abs(actual - expected) / Math.abs(expected) + ")");
        }
    }
}

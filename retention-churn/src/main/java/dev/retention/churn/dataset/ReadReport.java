package dev.retention.churn.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a reader did beyond the plain cells: per column, how many cells were missing and how many text
 * values in a numeric column could not be parsed (and were treated as missing); which columns were
 * left out of the features and why; how many malformed rows a lenient read skipped. Immutable.
 *
 * @param missing     missing cells per feature column (blank or a missing-value token)
 * @param unparseable unparseable numbers per numeric column, counted as missing too
 * @param excluded    columns left out of the features, with the reason
 * @param skippedRows malformed records skipped by a lenient read
 */
public record ReadReport(Map<String, Long> missing, Map<String, Long> unparseable, Map<String, String> excluded,
                         long skippedRows) {

    /** Nothing to report. */
    public static final ReadReport EMPTY = new ReadReport(Map.of(), Map.of(), Map.of(), 0);

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param missing     missing cells per feature column (blank or a missing-value token)
     * @param unparseable unparseable numbers per numeric column, counted as missing too
     * @param excluded    columns left out of the features, with the reason
     * @param skippedRows malformed records skipped by a lenient read
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public ReadReport {
        missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
        unparseable = Collections.unmodifiableMap(new LinkedHashMap<>(unparseable));
        excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        if (skippedRows < 0) {
            throw new IllegalArgumentException("skippedRows must be >= 0, got " + skippedRows);
        }
    }

    /** {@return whether there is nothing to report} */
    public boolean isEmpty() {
        return missing.isEmpty() && unparseable.isEmpty() && excluded.isEmpty() && skippedRows == 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        missing.forEach((c, n) -> sb.append(String.format(Locale.ROOT, "  column '%s': %,d missing%s%n", c, n,
                unparseable.containsKey(c) ? String.format(Locale.ROOT, " (%,d of them unparseable numbers)",
                        unparseable.get(c)) : "")));
        excluded.forEach((c, why) -> sb.append(String.format(Locale.ROOT, "  column '%s' not a feature: %s%n", c, why)));
        if (skippedRows > 0) {
            sb.append(String.format(Locale.ROOT, "  %,d malformed rows skipped%n", skippedRows));
        }
        return sb.toString();
    }
}

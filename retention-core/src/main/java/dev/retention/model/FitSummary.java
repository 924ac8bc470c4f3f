package dev.retention.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a fit did, the same for every model of the library: the algorithm and its options, what the fit
 * chose and why, its iterations with the objective after each, whether it converged and why it stopped,
 * a {@link Verdict} with its reasons, the wall time, and a {@link DataFingerprint} of the training data.
 * Carried by every {@link Model} ({@link Model#fitSummary()}), saved in its model file and printed by its
 * {@code toString()}. Immutable.
 *
 * <p>The verdict follows from what the fit reported: {@link Verdict#UNUSABLE} when the fit flagged its
 * result unusable (it diverged, or produced values that are not finite); otherwise {@link Verdict#WARNING}
 * when it did not converge or raised a warning (a parameter on a bound, an error that could not be
 * estimated, degenerate data); otherwise {@link Verdict#FINE}. Not converging is never thrown: it is
 * reported here, loudly, and fits log it at WARN.
 *
 * <p>Closed-form fits (a similarity matrix, quantile edges, Slope One's deviations) have no iterations to
 * miss and report {@code converged} with the reason "closed form". Build one with {@link #builder}.
 */
public final class FitSummary {

    private final String algorithm;
    private final String options;
    private final List<String> choices;
    private final int iterations;
    private final String objectiveName;
    private final double[] objective;
    private final boolean converged;
    private final String stopReason;
    private final Verdict verdict;
    private final List<String> warnings;
    private final double seconds;
    private final DataFingerprint data;

    private FitSummary(Builder b) {
        this.algorithm = b.algorithm;
        this.options = b.options;
        this.choices = List.copyOf(b.choices);
        this.iterations = b.iterations;
        this.objectiveName = b.objectiveName;
        this.objective = b.objective.clone();
        this.converged = b.converged;
        this.stopReason = b.stopReason;
        List<String> w = new ArrayList<>();
        if (!b.converged) {
            w.add("did not converge: " + b.stopReason);
        }
        w.addAll(b.unusable);
        w.addAll(b.warnings);
        this.warnings = List.copyOf(w);
        this.verdict = !b.unusable.isEmpty() ? Verdict.UNUSABLE : w.isEmpty() ? Verdict.FINE : Verdict.WARNING;
        this.seconds = b.seconds;
        this.data = b.data;
    }

    /**
     * {@return a builder for the summary of a fit of {@code algorithm}} Unless told otherwise it describes a
     * closed-form fit (no iterations, converged) on no recorded data, taking 0 seconds.
     *
     * @param algorithm a short name, such as {@code "k-means (Hamerly)"} or {@code "BG/NBD"}
     */
    public static Builder builder(String algorithm) {
        return new Builder(algorithm);
    }

    /**
     * {@return the summary of a model whose parameters were given rather than fitted (published parameters, a
     * model built by hand)}
     *
     * @param algorithm the model's name
     * @param options   its options or parameters, as text
     */
    public static FitSummary given(String algorithm, String options) {
        return builder(algorithm).options(options).converged(true, "parameters given, not fitted").build();
    }

    /** {@return the algorithm, such as {@code "k-means (Hamerly)"}} */
    public String algorithm() {
        return algorithm;
    }

    /** {@return the options, as readable text} */
    public String options() {
        return options;
    }

    /** {@return what the fit chose and why, one sentence each (for example the representation of a similarity)} */
    public List<String> choices() {
        return choices;
    }

    /** {@return iterations, epochs or passes run; 0 for a closed-form fit} */
    public int iterations() {
        return iterations;
    }

    /** {@return what the objective measures, such as {@code "inertia"}; empty when there is none} */
    public String objectiveName() {
        return objectiveName;
    }

    /** {@return the objective at the start (where recorded) and after each iteration; a copy} */
    public double[] objective() {
        return objective.clone();
    }

    /** {@return whether the fit met its stopping test (closed-form and given models: {@code true})} */
    public boolean converged() {
        return converged;
    }

    /**
     * {@return why the fit stopped, such as {@code "centre shift below tolerance"} or {@code "iteration limit 300"}}
     */
    public String stopReason() {
        return stopReason;
    }

    /** {@return how far the model can be trusted; the reasons are {@link #warnings()}} */
    public Verdict verdict() {
        return verdict;
    }

    /** {@return why the verdict is not {@link Verdict#FINE}: empty when it is} */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return the wall time of the fit in seconds; 0 for given models} */
    public double seconds() {
        return seconds;
    }

    /** {@return what the model was fitted on} */
    public DataFingerprint data() {
        return data;
    }

    /**
     * Writes the summary as sections {@code fit.*} of a model file, which {@link #readFrom} reads back.
     *
     * @param file written
     */
    public void writeTo(ModelFile.Writer file) {
        file.putString("fit.algorithm", algorithm)
                .putString("fit.options", options)
                .putStrings("fit.choices", choices.toArray(String[]::new))
                .putInt("fit.iterations", iterations)
                .putString("fit.objective_name", objectiveName)
                .putDoubles("fit.objective", objective)
                .putInt("fit.converged", converged ? 1 : 0)
                .putString("fit.stop_reason", stopReason)
                .putString("fit.verdict", verdict.name())
                .putStrings("fit.warnings", warnings.toArray(String[]::new))
                .putDouble("fit.seconds", seconds)
                .putLongs("fit.data", new long[] {data.rows(), data.columns(), data.checksum()});
    }

    /**
     * Reads a summary written by {@link #writeTo}.
     *
     * @param file read
     * @return the summary read
     * @throws ModelFormatException if a section is missing or inconsistent (the message names the file)
     */
    public static FitSummary readFrom(ModelFile file) throws ModelFormatException {
        long[] d = file.longs("fit.data");
        if (d.length != 3) {
            throw new ModelFormatException(file.source() + ": section 'fit.data' holds " + d.length
                    + " values, expected 3 (rows, columns, checksum)");
        }
        int converged = file.intValue("fit.converged");
        String verdictName = file.string("fit.verdict");
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(verdictName);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": unknown verdict '" + verdictName + "'");
        }
        try {
            Builder b = builder(file.string("fit.algorithm"))
                    .options(file.string("fit.options"))
                    .iterations(file.intValue("fit.iterations"))
                    .objective(file.string("fit.objective_name"), file.doubles("fit.objective"))
                    .converged(converged != 0, file.string("fit.stop_reason"))
                    .seconds(file.doubleValue("fit.seconds"))
                    .data(new DataFingerprint(d[0], d[1], d[2]));
            for (String c : file.strings("fit.choices")) {
                b.choice(c);
            }
            String prefix = "did not converge: ";
            for (String w : file.strings("fit.warnings")) {
                if (converged == 0 && w.startsWith(prefix)) {
                    continue;   // added again by the builder
                }
                if (verdict == Verdict.UNUSABLE) {
                    b.unusable(w);
                } else {
                    b.warning(w);
                }
            }
            FitSummary s = b.build();
            if (s.verdict != verdict) {
                throw new ModelFormatException(file.source() + ": fit summary says verdict " + verdict
                        + " but its warnings give " + s.verdict);
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": invalid fit summary: " + e.getMessage());
        }
    }

    /**
     * Logs the end of the fit the way every fit of the library does, through SLF4J with the logger of the fitting
     * class: one INFO line (algorithm, outcome, iterations, stop reason, time, data, verdict), then
     * {@link #logVerdict}. Fits call it once, after the model is built; nothing is logged per iteration at INFO,
     * and nothing per prediction.
     *
     * @param fittingClass the learner, such as {@code KMeans.class}, whose logger is used
     */
    public void logTo(Class<?> fittingClass) {
        Logger log = LoggerFactory.getLogger(fittingClass);
        if (log.isInfoEnabled()) {
            log.info("{}: {} after {} iterations ({}), {} s, on {}, verdict {}", algorithm,
                    converged ? "converged" : "NOT converged", iterations, stopReason,
                    String.format(Locale.ROOT, "%.3f", seconds), data, verdict);
        }
        logVerdict(log);
    }

    /**
     * Logs the verdict and its reasons at WARN, with the logger of the fitting class, unless it is
     * {@link Verdict#FINE}: a fit that did not converge, ran to a bound or produced values that cannot be used says
     * so loudly, never only in its summary.
     *
     * @param fittingClass the learner whose logger is used
     */
    public void logVerdict(Class<?> fittingClass) {
        logVerdict(LoggerFactory.getLogger(fittingClass));
    }

    private void logVerdict(Logger log) {
        if (verdict != Verdict.FINE) {
            log.warn("{}: verdict {}: {}", algorithm, verdict, String.join("; ", warnings));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitSummary s && s.algorithm.equals(algorithm) && s.options.equals(options)
                && s.choices.equals(choices) && s.iterations == iterations && s.objectiveName.equals(objectiveName)
                && Arrays.equals(s.objective, objective) && s.converged == converged
                && s.stopReason.equals(stopReason) && s.verdict == verdict && s.warnings.equals(warnings)
                && Double.compare(s.seconds, seconds) == 0 && s.data.equals(data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, options, choices, iterations, objectiveName, Arrays.hashCode(objective),
                converged, stopReason, verdict, warnings, seconds, data);
    }

    /**
     * A few lines: algorithm, outcome, time and verdict; the data; the options; each choice; the objective
     * from first to last; each warning.
     */
    @Override
    public String toString() {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        String outcome = iterations == 0 ? stopReason
                : String.format(Locale.ROOT, "%s after %d iteration%s (%s)", converged ? "converged" : "NOT converged",
                iterations, iterations == 1 ? "" : "s", stopReason);
        sb.append(String.format(Locale.ROOT, "fit: %s, %s, %.3f s, verdict %s", algorithm, outcome, seconds, verdict))
                .append(nl);
        if (!data.equals(DataFingerprint.NONE)) {
            sb.append("  data: ").append(data).append(nl);
        }
        if (!options.isEmpty()) {
            sb.append("  options: ").append(options).append(nl);
        }
        for (String c : choices) {
            sb.append("  ").append(c).append(nl);
        }
        if (objective.length > 0) {
            sb.append(String.format(Locale.ROOT, "  %s: %.6g -> %.6g (%d values)",
                    objectiveName.isEmpty() ? "objective" : objectiveName, objective[0],
                    objective[objective.length - 1], objective.length)).append(nl);
        }
        for (String w : warnings) {
            sb.append("  ").append(verdict == Verdict.UNUSABLE ? "UNUSABLE: " : "WARNING: ").append(w).append(nl);
        }
        return sb.toString();
    }

    /** Collects the parts of a {@link FitSummary}. Not thread-safe. */
    public static final class Builder {
        private final String algorithm;
        private String options = "";
        private final List<String> choices = new ArrayList<>();
        private int iterations;
        private String objectiveName = "";
        private double[] objective = new double[0];
        private boolean converged = true;
        private String stopReason = "closed form";
        private final List<String> warnings = new ArrayList<>();
        private final List<String> unusable = new ArrayList<>();
        private double seconds;
        private DataFingerprint data = DataFingerprint.NONE;

        private Builder(String algorithm) {
            this.algorithm = text(algorithm, "algorithm");
        }

        /**
         * {@return the options, as text (their {@code toString()})}
         *
         * @param options its options or parameters, as text
         */
        public Builder options(Object options) {
            this.options = text(String.valueOf(Objects.requireNonNull(options, "options")), "options");
            return this;
        }

        /**
         * Adds what the fit chose and why, one sentence.
         *
         * @param choice one sentence: the choice and its reason
         * @return this builder
         */
        public Builder choice(String choice) {
            choices.add(text(choice, "choice"));
            return this;
        }

        /**
         * Iterations, epochs or passes run.
         *
         * @param iterations iterations run, &gt;= 0
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder iterations(int iterations) {
            if (iterations < 0) {
                throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
            }
            this.iterations = iterations;
            return this;
        }

        /**
         * {@return the objective at the start (optionally) and after each iteration}
         *
         * @param name   what it measures, such as {@code "inertia"}
         * @param values read, copied; at most {@code iterations + 1} values (checked when built)
         */
        public Builder objective(String name, double[] values) {
            this.objectiveName = text(name, "objective name");
            this.objective = Objects.requireNonNull(values, "values").clone();
            return this;
        }

        /**
         * {@return whether the fit met its stopping test, and why it stopped} A fit that did not converge gets the
         * verdict {@link Verdict#WARNING} at least, with the reason among the warnings.
         *
         * @param converged  whether the stopping test was met
         * @param stopReason why the fit stopped, such as {@code "gradient below tolerance"}
         */
        public Builder converged(boolean converged, String stopReason) {
            this.converged = converged;
            this.stopReason = text(stopReason, "stopReason");
            return this;
        }

        /**
         * Adds a reason for the verdict {@link Verdict#WARNING}.
         *
         * @param warning one sentence: what makes the model doubtful
         * @return this builder
         */
        public Builder warning(String warning) {
            warnings.add(text(warning, "warning"));
            return this;
        }

        /**
         * Adds a reason for the verdict {@link Verdict#UNUSABLE}.
         *
         * @param reason one sentence: what makes the model unusable
         * @return this builder
         */
        public Builder unusable(String reason) {
            unusable.add(text(reason, "reason"));
            return this;
        }

        /**
         * {@return the wall time of the fit}
         *
         * @param seconds wall time in seconds, finite and &gt;= 0
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder seconds(double seconds) {
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("seconds must be finite and >= 0, got " + seconds);
            }
            this.seconds = seconds;
            return this;
        }

        /**
         * {@return the wall time since {@code startNanos}, a {@link System#nanoTime()} reading taken when the fit
         * began}
         *
         * @param startNanos {@link System#nanoTime()} when the fit began
         */
        public Builder secondsSince(long startNanos) {
            return seconds(Math.max(0, System.nanoTime() - startNanos) / 1e9);
        }

        /**
         * What the model was fitted on.
         *
         * @param data the fingerprint of the training data
         * @return this builder
         */
        public Builder data(DataFingerprint data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /**
         * {@return the summary}
         *
         * @throws IllegalArgumentException if the objective holds more than {@code iterations + 1} values
         */
        public FitSummary build() {
            if (objective.length > iterations + 1L) {
                throw new IllegalArgumentException("the objective holds " + objective.length
                        + " values, more than one per iteration plus the start (" + iterations + " iterations)");
            }
            return new FitSummary(this);
        }

        private static String text(String s, String what) {
            return Objects.requireNonNull(s, what);
        }
    }
}

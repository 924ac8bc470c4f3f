package dev.retention.playbook;

import dev.retention.rfm.CustomerStatus;

import dev.retention.io.TextFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The actions a playbook chooses from: {@link #defaults()} for a shop with no experiment yet, or an action file.
 *
 * <p><b>Action file.</b> UTF-8 CSV with a header; columns (any order, names case-insensitive) {@code name} and
 * {@code cost} required, {@code statuses}, {@code segments}, {@code min_clv}, {@code min_p_churn}, {@code effect} and
 * {@code capacity} (the most customers the action can be sent to; empty: no limit) optional; any other column is
 * refused. Fields are separated by commas and not quoted (a field holding a double quote
 * is refused); lists inside a field ({@code statuses}: {@code at risk;active}, {@code segments}:
 * {@code At Risk;Can't Lose Them}) are separated by semicolons. {@code effect} is a share of the value at stake,
 * either one number ({@code 0.05}) or per segment ({@code At Risk=0.08;*=0.03}, {@code *} the other segments; without
 * it 0); missing, it is 0.05. Every effect read is an assumption and is printed as one.
 *
 * <p><b>Effects from an experiment.</b> An optional column {@code uplift_model} names a saved uplift model file (a
 * path, relative to the action file's folder); the action's effect is then the model's estimate per customer
 * ({@link EstimatedEffect}), not an assumption, and its {@code effect} field must be empty. The playbook does not load
 * uplift models itself: {@link #read(Path, EffectLoader)} takes the loader (the command line's scores the customers
 * with the experiment module's model); {@link #read(Path)} refuses such a row.
 */
public final class Actions {

    /** The columns an action file may have. */
    public static final List<String> COLUMNS = List.of("name", "cost", "statuses", "segments", "min_clv",
            "min_p_churn", "effect", "capacity", "uplift_model");
    /** The effect share of an action file's row without an {@code effect} column. */
    public static final double DEFAULT_EFFECT = 0.05;
    /** The most actions a file may declare. */
    public static final int MAX_ACTIONS = 1_000;

    private Actions() {
    }

    /** Turns a saved uplift model file into an effect on the customers at hand. */
    @FunctionalInterface
    public interface EffectLoader {
        /**
         * {@return the effect estimated by the model in the file}
         *
         * @param modelFile the file named by the action file, resolved against its folder
         * @throws IOException              if the file cannot be read
         * @throws IllegalArgumentException if the file is not an uplift model the loader can use
         */
        Effect load(Path modelFile) throws IOException;
    }

    /**
     * The default actions of a shop with no experiment yet, each a documented, conservative assumption (costs in the
     * orders' currency):
     * <ul>
     *   <li>{@code win-back coupon}: cost 5 per contact, for customers at risk, saves 5% of the value at stake;</li>
     *   <li>{@code reminder email}: cost 0.10 per contact, for customers at risk or active, saves 1%.</li>
     * </ul>
     * Lapsed customers are eligible for neither: no effect on them is assumed. Published retention campaigns report
     * incremental retention of a few points on contacted at-risk customers; these shares are at the low end, so that
     * a plan made with them errs towards contacting too few.
     *
     * @return the two default actions
     */
    public static List<Action> defaults() {
        return List.of(
                new Action("win-back coupon", 5.0, new Eligibility(Set.of(CustomerStatus.AT_RISK), Set.of(), 0, 0),
                        Effect.everywhere(0.05)),
                new Action("reminder email", 0.10, Eligibility.notLapsed(), Effect.everywhere(0.01)));
    }

    /**
     * Reads an action file (see the class comment). O(file size).
     *
     * @param path read (plain, gzip or xz, as {@link TextFiles#open})
     * @return the actions in file order
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException naming the file, the line and the field: unknown or repeated column, missing
     *                                  name or cost, negative cost, a share out of [-1, 1], duplicate action names,
     *                                  no action, more than {@link #MAX_ACTIONS}
     */
    public static List<Action> read(Path path) throws IOException {
        return read(path, null);
    }

    /**
     * Reads an action file whose rows may name an uplift model (see the class comment). O(file size) plus the
     * loader's work.
     *
     * @param path   read (plain, gzip or xz, as {@link TextFiles#open})
     * @param loader turns an {@code uplift_model} file into an effect, or {@code null} to refuse such rows
     * @return the actions in file order
     * @throws IOException              if the file or a model file cannot be read
     * @throws IllegalArgumentException as {@link #read(Path)}, and naming the file and line of an {@code uplift_model}
     *                                  row that also states an effect, or that no loader can read
     */
    public static List<Action> read(Path path, EffectLoader loader) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        try (Reader r = TextFiles.open(path)) {
            return read(r, path.toString(), loader, folder);
        }
    }

    /**
     * Reads an action file from a reader; see {@link #read(Path)}.
     *
     * @param reader read to the end, not closed
     * @param source the name used in error messages
     * @return the actions in file order
     * @throws IOException              if reading fails
     * @throws IllegalArgumentException as {@link #read(Path)}
     */
    public static List<Action> read(Reader reader, String source) throws IOException {
        return read(reader, source, null, null);
    }

    private static List<Action> read(Reader reader, String source, EffectLoader loader, Path folder)
            throws IOException {
        BufferedReader in = new BufferedReader(reader);
        String header = in.readLine();
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException(source + ": empty action file; the header needs name and cost");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        Map<String, Integer> col = new HashMap<>();
        String[] names = header.split(",", -1);
        for (int j = 0; j < names.length; j++) {
            String n = names[j].trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(n)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line 1: unknown column '%s'; an "
                        + "action file has the columns %s", source, names[j], String.join(", ", COLUMNS)));
            }
            if (col.put(n, j) != null) {
                throw new IllegalArgumentException(source + " line 1: column '" + n + "' appears twice");
            }
        }
        for (String required : List.of("name", "cost")) {
            if (!col.containsKey(required)) {
                throw new IllegalArgumentException(source + " line 1: the column '" + required + "' is missing");
            }
        }
        List<Action> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int line = 1;
        for (String s = in.readLine(); s != null; s = in.readLine()) {
            line++;
            if (s.isBlank()) {
                continue;
            }
            if (actions.size() == MAX_ACTIONS) {
                throw new IllegalArgumentException(source + " line " + line + ": more than " + MAX_ACTIONS
                        + " actions");
            }
            if (s.indexOf('"') >= 0) {
                throw new IllegalArgumentException(source + " line " + line + ": quoted fields are not read; "
                        + "write fields without commas or double quotes");
            }
            String[] f = s.split(",", -1);
            if (f.length != names.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d: %d fields, the header "
                        + "has %d", source, line, f.length, names.length));
            }
            String where = source + " line " + line + ": ";
            try {
                actions.add(row(f, col, loader, folder));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            if (!seen.add(actions.get(actions.size() - 1).name())) {
                throw new IllegalArgumentException(where + "action '" + actions.get(actions.size() - 1).name()
                        + "' is declared twice");
            }
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException(source + ": no action declared after the header");
        }
        return List.copyOf(actions);
    }

    private static Action row(String[] f, Map<String, Integer> col, EffectLoader loader, Path folder)
            throws IOException {
        String name = field(f, col, "name");
        double cost = number("cost", field(f, col, "cost"));
        if (cost < 0) {
            throw new IllegalArgumentException("cost must be >= 0, got " + field(f, col, "cost"));
        }
        Set<CustomerStatus> statuses = EnumSet.noneOf(CustomerStatus.class);
        for (String s : list(field(f, col, "statuses"))) {
            statuses.add(CustomerStatus.parse(s));
        }
        Set<String> segments = new LinkedHashSet<>(list(field(f, col, "segments")));
        String minClv = field(f, col, "min_clv");
        String minChurn = field(f, col, "min_p_churn");
        Eligibility e = new Eligibility(statuses, segments, minClv.isEmpty() ? 0 : number("min_clv", minClv),
                minChurn.isEmpty() ? 0 : number("min_p_churn", minChurn));
        String capacity = field(f, col, "capacity");
        int cap = Integer.MAX_VALUE;
        if (!capacity.isEmpty()) {
            double c = number("capacity", capacity);
            if (c < 0 || c != Math.rint(c) || c > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("capacity must be a whole number >= 0, got " + capacity);
            }
            cap = (int) c;
        }
        String model = field(f, col, "uplift_model");
        if (model.isEmpty()) {
            return new Action(name, cost, e, effect(field(f, col, "effect")), cap);
        }
        if (!field(f, col, "effect").isEmpty()) {
            throw new IllegalArgumentException("action '" + name + "' has both an effect and an uplift_model; "
                    + "leave one empty");
        }
        if (loader == null) {
            throw new IllegalArgumentException("action '" + name + "' names uplift_model '" + model + "', and no "
                    + "loader of uplift models was given (the command line has one)");
        }
        Path file = folder == null ? Path.of(model) : folder.resolve(model);
        return new Action(name, cost, e, Objects.requireNonNull(loader.load(file), "effect loaded"), cap);
    }

    private static Effect effect(String text) {
        if (text.isEmpty()) {
            return Effect.everywhere(DEFAULT_EFFECT);
        }
        if (text.indexOf('=') < 0) {
            return Effect.everywhere(number("effect", text));
        }
        double otherwise = 0;
        Map<String, Double> by = new HashMap<>();
        for (String part : list(text)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("effect must be a number or segment=share;...;*=share, got '"
                        + text + "'");
            }
            String seg = part.substring(0, eq).trim();
            double v = number("effect for " + seg, part.substring(eq + 1).trim());
            if (seg.equals("*")) {
                otherwise = v;
            } else {
                by.put(seg, v);
            }
        }
        return Effect.bySegment(otherwise, by);
    }

    private static String field(String[] f, Map<String, Integer> col, String name) {
        Integer j = col.get(name);
        return j == null ? "" : f[j].trim();
    }

    private static List<String> list(String field) {
        List<String> out = new ArrayList<>();
        for (String s : field.split(";", -1)) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static double number(String name, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below with the field's name
        }
        throw new IllegalArgumentException(name + " must be a finite number, got '" + text + "'");
    }
}

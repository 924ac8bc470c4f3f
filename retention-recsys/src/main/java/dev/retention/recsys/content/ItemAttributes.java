package dev.retention.recsys.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What is known of each item apart from its purchases: external item id to a list of tokens (genres, words of a
 * product description). A token may repeat (its count is its term frequency). Immutable and thread-safe. Readers for
 * MovieLens 100K's {@code u.item} genres ({@link #readMovieLensGenres}) and for the Online Retail file's
 * {@code Description} column ({@link #readOnlineRetailDescriptions}).
 */
public final class ItemAttributes {

    /** The MovieLens 100K genres in the order of {@code u.item}'s 19 flag columns (as {@code u.genre} lists them). */
    static final List<String> ML100K_GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");
    /** The most lines a reader reads: a bound on the loop over a file. */
    static final long MAX_LINES = 100_000_000L;
    private static final java.util.regex.Pattern WORD_BREAK = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, List<String>> tokens;

    private ItemAttributes(Map<String, List<String>> tokens) {
        this.tokens = tokens;
    }

    /**
     * {@return attributes from a map of item id to tokens (copied; iteration order kept)}
     *
     * @param tokens read; item id to its tokens, no null id or token
     * @throws NullPointerException if an id, a list or a token is null
     */
    public static ItemAttributes of(Map<String, ? extends Collection<String>> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Collection<String>> e : tokens.entrySet()) {
            List<String> list = List.copyOf(Objects.requireNonNull(e.getValue(), "tokens of " + e.getKey()));
            copy.put(Objects.requireNonNull(e.getKey(), "item id"), list);
        }
        return new ItemAttributes(Collections.unmodifiableMap(copy));
    }

    /** {@return the number of items described} */
    public int size() {
        return tokens.size();
    }

    /** {@return the item ids described, in reading order; unmodifiable} */
    public Set<String> itemIds() {
        return tokens.keySet();
    }

    /**
     * {@return the tokens of an item, empty if it is not described; unmodifiable}
     *
     * @param itemId external item id
     */
    public List<String> tokens(String itemId) {
        return tokens.getOrDefault(itemId, List.of());
    }

    /**
     * Reads MovieLens 100K's {@code u.item} (ISO-8859-1, {@code |}-separated: id, title, release date, video date,
     * URL, then 19 genre flags); each movie's tokens are its genres ({@code genre:Comedy}).
     *
     * @param file the {@code u.item} file
     * @return the attributes, one entry per line
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and line of a line without 24 fields, a flag other than 0 or 1
     *                                  or a repeated id
     */
    public static ItemAttributes readMovieLensGenres(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return readMovieLensGenres(r, String.valueOf(file));
        }
    }

    /**
     * Reads MovieLens 100K's {@code u.item} from a reader; see {@link #readMovieLensGenres(Path)}.
     *
     * @param reader read to its end, not closed
     * @param source the name used in messages
     * @return the attributes
     * @throws IOException if reading fails
     */
    public static ItemAttributes readMovieLensGenres(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Map<String, List<String>> out = new LinkedHashMap<>();
        String line;
        long number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number > MAX_LINES) {
                throw new IllegalArgumentException(source + ": more than " + MAX_LINES + " lines");
            }
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 5 + ML100K_GENRES.size()) {
                throw new IllegalArgumentException(source + ", line " + number + ": expected " + (5
                        + ML100K_GENRES.size()) + " '|'-separated fields, got " + f.length);
            }
            List<String> genres = new ArrayList<>();
            for (int g = 0; g < ML100K_GENRES.size(); g++) {
                String flag = f[5 + g].trim();
                if (flag.equals("1")) {
                    genres.add("genre:" + ML100K_GENRES.get(g));
                } else if (!flag.equals("0")) {
                    throw new IllegalArgumentException(source + ", line " + number + ": genre flag '"
                            + ML100K_GENRES.get(g) + "' must be 0 or 1, got '" + flag + "'");
                }
            }
            String id = f[0].trim();
            if (out.put(id, List.copyOf(genres)) != null) {
                throw new IllegalArgumentException(source + ", line " + number + ": item id '" + id + "' repeated");
            }
        }
        return new ItemAttributes(Collections.unmodifiableMap(out));
    }

    /**
     * Reads the product descriptions of an Online Retail file (CSV with a header holding {@code StockCode} and
     * {@code Description}, quoted fields as RFC 4180): each stock code's tokens are the distinct lower-case words (runs
     * of letters and digits, two characters or more) of all its descriptions, since one code carries slightly different
     * descriptions on different lines. Lines without a description are skipped.
     *
     * @param reader read to its end, not closed (for a compressed file, the caller decompresses)
     * @param source the name used in messages
     * @return the attributes, in order of first appearance
     * @throws IOException if reading fails
     * @throws IllegalArgumentException naming the source if the header lacks a column, or the line of a record with
     *                                  too few fields or an unterminated quote
     */
    public static ItemAttributes readOnlineRetailDescriptions(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        long[] line = {0};
        List<String> header = record(in, source, line);
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty file, expected a header with StockCode and "
                    + "Description");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        int code = header.indexOf("StockCode");
        int description = header.indexOf("Description");
        if (code < 0 || description < 0) {
            throw new IllegalArgumentException(source + ": the header must name StockCode and Description, got "
                    + header);
        }
        Map<String, Set<String>> words = new LinkedHashMap<>();
        List<String> r;
        while ((r = record(in, source, line)) != null) {
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue;
            }
            if (r.size() <= Math.max(code, description)) {
                throw new IllegalArgumentException(source + ", line " + line[0] + ": expected at least "
                        + (Math.max(code, description) + 1) + " fields, got " + r.size());
            }
            String text = r.get(description).trim();
            if (text.isEmpty()) {
                continue;
            }
            Set<String> set = words.computeIfAbsent(r.get(code).trim(), k -> new LinkedHashSet<>());
            for (String w : WORD_BREAK.split(text.toLowerCase(Locale.ROOT), -1)) {
                if (w.length() >= 2) {
                    set.add(w);
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        words.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return new ItemAttributes(Collections.unmodifiableMap(out));
    }

    /** One CSV record (RFC 4180 quoting, a quoted field may span lines), or null at the end. */
    private static List<String> record(BufferedReader in, String source, long[] line) throws IOException {
        String text = in.readLine();
        if (text == null) {
            return null;
        }
        line[0]++;
        long first = line[0];
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int p = 0;
        while (true) {
            if (line[0] > MAX_LINES) {
                throw new IllegalArgumentException(source + ": more than " + MAX_LINES + " lines");
            }
            if (p >= text.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return fields;
                }
                String next = in.readLine();
                if (next == null) {
                    throw new IllegalArgumentException(source + ", line " + first + ": unterminated quote");
                }
                line[0]++;
                field.append('\n');
                text = next;
                p = 0;
                continue;
            }
            char c = text.charAt(p++);
            if (quoted) {
                if (c == '"') {
                    if (p < text.length() && text.charAt(p) == '"') {
                        field.append('"');
                        p++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemAttributes a && a.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    /** The number of items and the first few with their tokens. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "item attributes: %,d items", size()));
        int shown = 0;
        for (Map.Entry<String, List<String>> e : tokens.entrySet()) {
            if (shown++ == 3) {
                b.append(", ...");
                break;
            }
            b.append(shown == 1 ? ": " : "; ").append(e.getKey()).append(' ')
                    .append(Arrays.toString(e.getValue().toArray()));
        }
        return b.toString();
    }
}

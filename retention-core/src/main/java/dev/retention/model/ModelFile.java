package dev.retention.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * One container format for every model of the library: a versioned, checksummed file of named
 * sections, each an array of ints, longs, floats, doubles, strings or bytes. Immutable once read.
 *
 * <p>Layout, all numbers big-endian:
 * <pre>
 *   offset  size  field
 *   0       4     magic "RTNM" (0x52 0x54 0x4E 0x4D)
 *   4       2     format version (this library writes and reads {@value #FORMAT_VERSION})
 *   6       2     flags, 0
 *   8       8     body length L in bytes
 *   16      L     body: model type (string), schema version of that type (int), library version (string),
 *                 section count (int), then per section: name (string), kind (byte), element count (int),
 *                 elements
 *   16+L    4     CRC32 of bytes [0, 16+L)
 *   string = int byte length, then UTF-8 bytes
 * </pre>
 * Floats and doubles are stored bit for bit (IEEE 754 raw bits), so NaN payloads and {@code -0.0}
 * survive a round trip.
 *
 * <p>Two versions are kept apart. The <em>format version</em> is this container's layout, the same for every
 * model. The <em>schema version</em> belongs to one model type: the sections that type writes and what they
 * mean. A model type raises its schema version when its sections change, and its reader states the newest
 * schema it understands ({@link #requireType(String, int)}), so that a file written by a newer library is
 * refused with a message that says so instead of being misread.
 *
 * <p>A file that is too short, has another magic number, another format version, a length that does not
 * match the file, a wrong checksum, or a body that does not parse is refused with a
 * {@link ModelFormatException} that names the file and the problem. Nothing in a file is ever
 * executed: there is no Java serialization, only arrays of primitives and strings.
 *
 * <p>Models use it as {@code ModelFile.writer("rfm-scorer", 1).putDoubles("edges", e).toBytes()} and
 * {@code ModelFile.parse(bytes, source).requireType("rfm-scorer", 1).doubles("edges")}; {@link Models#load}
 * opens any model file and returns the right model.
 */
public final class ModelFile {

    /**
     * The format version this library writes and reads. Version 1 (files without a schema version, written
     * by development builds before the shared model contract) is refused with a message saying so.
     */
    public static final int FORMAT_VERSION = 2;

    private static final int MAGIC = 0x52544E4D;
    private static final int HEADER = 16;
    private static final int TRAILER = 4;
    private static final String LIBRARY_VERSION = readLibraryVersion();

    /** Element kinds of a section. */
    public enum Kind {
        /** 32-bit signed integers. */
        INTS(1),
        /** 64-bit signed integers. */
        LONGS(2),
        /** IEEE 754 single-precision values. */
        FLOATS(3),
        /** IEEE 754 double-precision values. */
        DOUBLES(4),
        /** UTF-8 strings, each with its byte length. */
        STRINGS(5),
        /** Raw bytes. */
        BYTES(6);

        private final byte code;

        Kind(int code) {
            this.code = (byte) code;
        }

        static Kind of(byte code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }

        String noun() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private record Section(Kind kind, Object data) {
    }

    private final String source;
    private final int formatVersion;
    private final String modelType;
    private final int schemaVersion;
    private final String libraryVersion;
    private final Map<String, Section> sections;

    private ModelFile(String source, int formatVersion, String modelType, int schemaVersion, String libraryVersion,
                      Map<String, Section> sections) {
        this.source = source;
        this.formatVersion = formatVersion;
        this.modelType = modelType;
        this.schemaVersion = schemaVersion;
        this.libraryVersion = libraryVersion;
        this.sections = Collections.unmodifiableMap(sections);
    }

    /**
     * Writes bytes to a file atomically: to a temporary file next to {@code path}, then moved over it, so
     * that a reader never sees half a file.
     *
     * @param path  written
     * @param bytes read
     * @throws IOException if the file cannot be written
     */
    public static void writeAtomically(Path path, byte[] bytes) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        Path target = path.toAbsolutePath();
        // not Files.createTempFile: its owner-only permissions would carry over to the model file
        Path tmp = target.resolveSibling(target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(path.toString(), null,
                    "cannot write the model file: its directory " + dir + " does not exist");
        }
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileSystemException e) {
            // the temporary file's name alone (what the JDK reports) does not say which file failed
            throw new java.nio.file.FileSystemException(path.toString(), null, "cannot write the model file"
                    + (e.getReason() == null ? "" : ": " + e.getReason()));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@return the version of this library, as written into model files} */
    public static String libraryVersion() {
        return LIBRARY_VERSION;
    }

    /**
     * {@return a writer for a model of the given type and schema version}
     *
     * @param modelType     a short name such as {@code "rfm-scorer"}; readers check it with
     *                      {@link #requireType(String, int)}
     * @param schemaVersion the version of this type's sections, {@code >= 1}
     * @throws IllegalArgumentException if the type holds an unpaired surrogate (not representable in UTF-8) or
     *                                  the schema version is below 1
     */
    public static Writer writer(String modelType, int schemaVersion) {
        return new Writer(modelType, schemaVersion);
    }

    /**
     * {@return a writer for schema version 1 of a model type} Transitional: removed once every model states its
     * schema version.
     *
     * @param modelType a short name such as {@code "rfm-scorer"}; readers check it with {@link #requireType(String,
     *                  int)}
     */
    public static Writer writer(String modelType) {
        return new Writer(modelType, 1);
    }

    /**
     * Reads and checks a model file.
     *
     * @param path read
     * @return the checked file
     * @throws ModelFormatException if the file is not a valid model file (message names the file)
     * @throws IOException          if the file cannot be read
     */
    public static ModelFile read(Path path) throws IOException {
        return parse(Files.readAllBytes(path), path.toString());
    }

    /**
     * Reads and checks a model file from a stream, to its end.
     *
     * @param in     read to its end, not closed
     * @param source a name for messages, for example the resource name
     * @return the checked file
     * @throws IOException if the stream cannot be read
     */
    public static ModelFile read(InputStream in, String source) throws IOException {
        return parse(in.readAllBytes(), source);
    }

    /**
     * Parses and checks a model file held in memory.
     *
     * @param bytes  read, not kept
     * @param source a name for messages
     * @return the checked file
     * @throws ModelFormatException if the bytes are not a valid model file
     */
    public static ModelFile parse(byte[] bytes, String source) throws ModelFormatException {
        Objects.requireNonNull(source, "source");
        if (bytes.length < HEADER + TRAILER) {
            throw new ModelFormatException(source + ": not a model file: " + bytes.length
                    + " bytes is shorter than the " + (HEADER + TRAILER) + "-byte header and checksum");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int magic = buf.getInt();
        if (magic != MAGIC) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s: not a Retention model file (magic number 0x%08X, "
                    + "expected 0x%08X \"RTNM\")", source, magic, MAGIC));
        }
        int version = Short.toUnsignedInt(buf.getShort());
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(source + ": model file format version " + version
                    + " is not supported; this library (" + LIBRARY_VERSION + ") reads version " + FORMAT_VERSION
                    + (version > FORMAT_VERSION ? "; the file was written by a newer library"
                    : "; the file was written by a development build before model files carried schema versions:"
                    + " fit the model again and save it"));
        }
        buf.getShort(); // flags
        long bodyLength = buf.getLong();
        long expected = (long) bytes.length - HEADER - TRAILER;
        if (bodyLength != expected) {
            throw new ModelFormatException(source + ": model file is " + (bodyLength > expected ? "truncated" : "too long")
                    + ": the header announces a body of " + bodyLength + " bytes, the file holds " + expected);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - TRAILER);
        int stored = ByteBuffer.wrap(bytes, bytes.length - TRAILER, TRAILER).getInt();
        if ((int) crc.getValue() != stored) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s: model file is corrupted: checksum 0x%08X, "
                    + "expected 0x%08X", source, (int) crc.getValue(), stored));
        }
        buf.limit(bytes.length - TRAILER);
        try {
            String type = readString(buf, source);
            int schema = buf.getInt();
            if (schema < 1) {
                throw new ModelFormatException(source + ": schema version of the '" + type + "' model must be >= 1, got "
                        + schema);
            }
            String libVersion = readString(buf, source);
            int count = readCount(buf, source, "section count");
            Map<String, Section> sections = new LinkedHashMap<>();
            for (int s = 0; s < count; s++) {
                String name = readString(buf, source);
                Kind kind = Kind.of(buf.get());
                if (kind == null) {
                    throw new ModelFormatException(source + ": section '" + name + "' has an unknown kind");
                }
                int n = readCount(buf, source, "length of section '" + name + "'");
                Object data = readData(buf, kind, n, source);
                if (sections.put(name, new Section(kind, data)) != null) {
                    throw new ModelFormatException(source + ": section '" + name + "' occurs twice");
                }
            }
            if (buf.hasRemaining()) {
                throw new ModelFormatException(source + ": " + buf.remaining() + " unexpected bytes after the last section");
            }
            return new ModelFile(source, version, type, schema, libVersion, sections);
        } catch (BufferUnderflowException e) {
            throw new ModelFormatException(source + ": model file body ends in the middle of a section");
        }
    }

    private static Object readData(ByteBuffer buf, Kind kind, int n, String source) throws ModelFormatException {
        int width = switch (kind) {
            case INTS, FLOATS -> 4;
            case LONGS, DOUBLES -> 8;
            case BYTES -> 1;
            case STRINGS -> 4; // at least the length prefix
        };
        if ((long) n * width > buf.remaining()) {
            throw new ModelFormatException(source + ": a section of " + n + " " + kind.noun()
                    + " does not fit in the " + buf.remaining() + " bytes left");
        }
        switch (kind) {
            case INTS -> {
                int[] a = new int[n];
                buf.asIntBuffer().get(a);
                buf.position(buf.position() + 4 * n);
                return a;
            }
            case LONGS -> {
                long[] a = new long[n];
                buf.asLongBuffer().get(a);
                buf.position(buf.position() + 8 * n);
                return a;
            }
            case FLOATS -> {
                float[] a = new float[n];
                buf.asFloatBuffer().get(a);
                buf.position(buf.position() + 4 * n);
                return a;
            }
            case DOUBLES -> {
                double[] a = new double[n];
                buf.asDoubleBuffer().get(a);
                buf.position(buf.position() + 8 * n);
                return a;
            }
            case BYTES -> {
                byte[] a = new byte[n];
                buf.get(a);
                return a;
            }
            default -> {
                String[] a = new String[n];
                for (int i = 0; i < n; i++) {
                    a[i] = readString(buf, source);
                }
                return a;
            }
        }
    }

    private static int readCount(ByteBuffer buf, String source, String what) throws ModelFormatException {
        int n = buf.getInt();
        if (n < 0) {
            throw new ModelFormatException(source + ": negative " + what + ": " + n);
        }
        return n;
    }

    private static String readString(ByteBuffer buf, String source) throws ModelFormatException {
        int n = readCount(buf, source, "string length");
        if (n > buf.remaining()) {
            throw new ModelFormatException(source + ": a string of " + n + " bytes does not fit in the "
                    + buf.remaining() + " bytes left");
        }
        String s = new String(buf.array(), buf.arrayOffset() + buf.position(), n, StandardCharsets.UTF_8);
        buf.position(buf.position() + n);
        return s;
    }

    /** {@return where the file was read from, for messages} */
    public String source() {
        return source;
    }

    /** {@return the format version the file was written with} */
    public int formatVersion() {
        return formatVersion;
    }

    /** {@return the model type, for example {@code "rfm-scorer"}} */
    public String modelType() {
        return modelType;
    }

    /** {@return the schema version of the model type's sections} */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** {@return the version of the library that wrote the file} */
    public String writtenBy() {
        return libraryVersion;
    }

    /** {@return names of the sections, in file order} */
    public Set<String> sectionNames() {
        return sections.keySet();
    }

    /**
     * {@return whether the file has a section of this name}
     *
     * @param name a section name
     */
    public boolean has(String name) {
        return sections.containsKey(name);
    }

    /**
     * Checks the model type, schema version 1. Transitional: removed once every model states its schema
     * version.
     *
     * @param expected the model type
     * @return this file
     * @throws ModelFormatException if the file holds another type of model, or a newer schema of this type
     */
    public ModelFile requireType(String expected) throws ModelFormatException {
        return requireType(expected, 1);
    }

    /**
     * Checks the model type and that its schema version is one this reader understands.
     *
     * @param expected     the model type
     * @param newestSchema the newest schema version of that type the caller reads, {@code >= 1}
     * @return this
     * @throws ModelFormatException if the file holds another type of model, or a newer schema of this type
     */
    public ModelFile requireType(String expected, int newestSchema) throws ModelFormatException {
        if (!modelType.equals(expected)) {
            throw new ModelFormatException(source + ": holds a '" + modelType + "' model, expected '" + expected + "'");
        }
        if (schemaVersion > newestSchema) {
            throw new ModelFormatException(source + ": the '" + modelType + "' model has schema version " + schemaVersion
                    + ", written by library " + libraryVersion + "; this library (" + LIBRARY_VERSION
                    + ") reads schema versions up to " + newestSchema);
        }
        return this;
    }

    /**
     * {@return the int section of this name, copied}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind
     */
    public int[] ints(String name) throws ModelFormatException {
        return ((int[]) section(name, Kind.INTS)).clone();
    }

    /**
     * {@return the long section of this name, copied}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind
     */
    public long[] longs(String name) throws ModelFormatException {
        return ((long[]) section(name, Kind.LONGS)).clone();
    }

    /**
     * {@return the float section of this name, copied}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind
     */
    public float[] floats(String name) throws ModelFormatException {
        return ((float[]) section(name, Kind.FLOATS)).clone();
    }

    /**
     * {@return the double section of this name, copied}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind
     */
    public double[] doubles(String name) throws ModelFormatException {
        return ((double[]) section(name, Kind.DOUBLES)).clone();
    }

    /**
     * {@return the string section of this name, copied}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind
     */
    public String[] strings(String name) throws ModelFormatException {
        return ((String[]) section(name, Kind.STRINGS)).clone();
    }

    /**
     * {@return the byte section of this name, copied}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind
     */
    public byte[] bytes(String name) throws ModelFormatException {
        return ((byte[]) section(name, Kind.BYTES)).clone();
    }

    /**
     * {@return a one-element string section, as written by {@link Writer#putString(String, String)}}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind or length
     */
    public String string(String name) throws ModelFormatException {
        return single(strings(name), name);
    }

    /**
     * {@return a one-element int section, as written by {@link Writer#putInt(String, int)}}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind or length
     */
    public int intValue(String name) throws ModelFormatException {
        return single(ints(name), name);
    }

    /**
     * {@return a one-element long section, as written by {@link Writer#putLong(String, long)}}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind or length
     */
    public long longValue(String name) throws ModelFormatException {
        return single(longs(name), name);
    }

    /**
     * {@return a one-element double section, as written by {@link Writer#putDouble(String, double)}}
     *
     * @param name the section's name
     * @throws ModelFormatException if the file has no such section, or it holds another kind or length
     */
    public double doubleValue(String name) throws ModelFormatException {
        return single(doubles(name), name);
    }

    private String single(String[] a, String name) throws ModelFormatException {
        checkSingle(a.length, name);
        return a[0];
    }

    private int single(int[] a, String name) throws ModelFormatException {
        checkSingle(a.length, name);
        return a[0];
    }

    private long single(long[] a, String name) throws ModelFormatException {
        checkSingle(a.length, name);
        return a[0];
    }

    private double single(double[] a, String name) throws ModelFormatException {
        checkSingle(a.length, name);
        return a[0];
    }

    private void checkSingle(int length, String name) throws ModelFormatException {
        if (length != 1) {
            throw new ModelFormatException(source + ": section '" + name + "' holds " + length
                    + " values, expected 1");
        }
    }

    private Object section(String name, Kind kind) throws ModelFormatException {
        Section s = sections.get(name);
        if (s == null) {
            throw new ModelFormatException(source + ": the '" + modelType + "' model has no section '" + name
                    + "' (sections: " + sections.keySet() + ")");
        }
        if (s.kind != kind) {
            throw new ModelFormatException(source + ": section '" + name + "' holds " + s.kind.noun() + ", not "
                    + kind.noun());
        }
        return s.data;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("ModelFile '").append(modelType).append("' (schema ").append(schemaVersion).append(", format ")
                .append(formatVersion).append(", written by ")
                .append(libraryVersion).append(") from ").append(source).append('\n');
        for (Map.Entry<String, Section> e : sections.entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-24s %-8s %,d%n", e.getKey(), e.getValue().kind.noun(),
                    length(e.getValue().data)));
        }
        return sb.toString();
    }

    private static int length(Object data) {
        return java.lang.reflect.Array.getLength(data);
    }

    private static String readLibraryVersion() {
        try (InputStream in = ModelFile.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Collects named sections and writes them as one model file. Arrays are copied when put. Not
     * thread-safe.
     */
    public static final class Writer {
        private final String modelType;
        private final int schemaVersion;
        private final Map<String, Section> sections = new LinkedHashMap<>();

        private Writer(String modelType, int schemaVersion) {
            this.modelType = Objects.requireNonNull(modelType, "modelType");
            checkUnicode(modelType, "modelType");
            if (schemaVersion < 1) {
                throw new IllegalArgumentException("schemaVersion must be >= 1, got " + schemaVersion);
            }
            this.schemaVersion = schemaVersion;
        }

        private Writer put(String name, Kind kind, Object data) {
            Objects.requireNonNull(name, "name");
            checkUnicode(name, "section name");
            Objects.requireNonNull(data, "data of section '" + name + "'");
            if (sections.putIfAbsent(name, new Section(kind, data)) != null) {
                throw new IllegalArgumentException("section '" + name + "' was already put");
            }
            return this;
        }

        /**
         * Adds an int section.
         *
         * @param name   the section's name, new in this file
         * @param values read, copied: the section's elements
         * @return this writer
         */
        public Writer putInts(String name, int[] values) {
            return put(name, Kind.INTS, values.clone());
        }

        /**
         * Adds a long section.
         *
         * @param name   the section's name, new in this file
         * @param values read, copied: the section's elements
         * @return this writer
         */
        public Writer putLongs(String name, long[] values) {
            return put(name, Kind.LONGS, values.clone());
        }

        /**
         * Adds a float section.
         *
         * @param name   the section's name, new in this file
         * @param values read, copied: the section's elements
         * @return this writer
         */
        public Writer putFloats(String name, float[] values) {
            return put(name, Kind.FLOATS, values.clone());
        }

        /**
         * Adds a double section.
         *
         * @param name   the section's name, new in this file
         * @param values read, copied: the section's elements
         * @return this writer
         */
        public Writer putDoubles(String name, double[] values) {
            return put(name, Kind.DOUBLES, values.clone());
        }

        /**
         * Adds a string section.
         *
         * @param name   the section's name, new in this file
         * @param values read, copied: the section's elements
         * @return this writer
         * @throws IllegalArgumentException if an element is null or holds an unpaired surrogate (which
         *                                  UTF-8 cannot represent)
         */
        public Writer putStrings(String name, String[] values) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    throw new IllegalArgumentException("section '" + name + "' has a null string at index " + i);
                }
                int bad = unpairedSurrogate(values[i]);
                if (bad >= 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "section '%s' has a string with an unpaired "
                            + "surrogate U+%04X at index %d, char %d", name, (int) values[i].charAt(bad), i, bad));
                }
            }
            return put(name, Kind.STRINGS, values.clone());
        }

        /**
         * Adds a byte section.
         *
         * @param name   the section's name, new in this file
         * @param values read, copied: the section's elements
         * @return this writer
         */
        public Writer putBytes(String name, byte[] values) {
            return put(name, Kind.BYTES, values.clone());
        }

        /**
         * Adds a one-element string section.
         *
         * @param name  the section's name, new in this file
         * @param value the element, not null
         * @return this writer
         */
        public Writer putString(String name, String value) {
            return putStrings(name, new String[] {value});
        }

        /**
         * Adds a one-element int section.
         *
         * @param name  the section's name, new in this file
         * @param value the element
         * @return this writer
         */
        public Writer putInt(String name, int value) {
            return putInts(name, new int[] {value});
        }

        /**
         * Adds a one-element long section.
         *
         * @param name  the section's name, new in this file
         * @param value the element
         * @return this writer
         */
        public Writer putLong(String name, long value) {
            return putLongs(name, new long[] {value});
        }

        /**
         * Adds a one-element double section.
         *
         * @param name  the section's name, new in this file
         * @param value the element
         * @return this writer
         */
        public Writer putDouble(String name, double value) {
            return putDoubles(name, new double[] {value});
        }

        /** {@return the file's bytes} */
        public byte[] toBytes() {
            try {
                ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
                DataOutputStream body = new DataOutputStream(bodyBytes);
                writeString(body, modelType);
                body.writeInt(schemaVersion);
                writeString(body, LIBRARY_VERSION);
                body.writeInt(sections.size());
                for (Map.Entry<String, Section> e : sections.entrySet()) {
                    writeString(body, e.getKey());
                    Section s = e.getValue();
                    body.writeByte(s.kind.code);
                    writeData(body, s);
                }
                body.flush();
                ByteArrayOutputStream all = new ByteArrayOutputStream(bodyBytes.size() + HEADER + TRAILER);
                DataOutputStream out = new DataOutputStream(all);
                out.writeInt(MAGIC);
                out.writeShort(FORMAT_VERSION);
                out.writeShort(0);
                out.writeLong(bodyBytes.size());
                bodyBytes.writeTo(out);
                out.flush();
                CRC32 crc = new CRC32();
                byte[] bytes = all.toByteArray();
                crc.update(bytes, 0, bytes.length);
                out.writeInt((int) crc.getValue());
                out.flush();
                return all.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen with in-memory streams
            }
        }

        /**
         * Writes the file atomically: to a temporary file next to {@code path}, then moved over it.
         *
         * @param path written
         * @throws IOException if the file cannot be written
         */
        public void write(Path path) throws IOException {
            writeAtomically(path, toBytes());
        }

        private static void writeData(DataOutputStream out, Section s) throws IOException {
            switch (s.kind) {
                case INTS -> {
                    int[] a = (int[]) s.data;
                    out.writeInt(a.length);
                    for (int v : a) {
                        out.writeInt(v);
                    }
                }
                case LONGS -> {
                    long[] a = (long[]) s.data;
                    out.writeInt(a.length);
                    for (long v : a) {
                        out.writeLong(v);
                    }
                }
                case FLOATS -> {
                    float[] a = (float[]) s.data;
                    out.writeInt(a.length);
                    for (float v : a) {
                        out.writeInt(Float.floatToRawIntBits(v));   // writeFloat would collapse NaN payloads
                    }
                }
                case DOUBLES -> {
                    double[] a = (double[]) s.data;
                    out.writeInt(a.length);
                    for (double v : a) {
                        out.writeLong(Double.doubleToRawLongBits(v));   // writeDouble would collapse NaN payloads
                    }
                }
                case BYTES -> {
                    byte[] a = (byte[]) s.data;
                    out.writeInt(a.length);
                    out.write(a);
                }
                case STRINGS -> {
                    String[] a = (String[]) s.data;
                    out.writeInt(a.length);
                    for (String v : a) {
                        writeString(out, v);
                    }
                }
            }
        }

        /** Refuses text that UTF-8 cannot hold, which {@link String#getBytes} would write as '?'. */
        private static void checkUnicode(String s, String what) {
            int bad = unpairedSurrogate(s);
            if (bad >= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has an unpaired surrogate U+%04X at char %d",
                        what, (int) s.charAt(bad), bad));
            }
        }

        /** The index of the first unpaired surrogate char, or -1 if the text is well-formed UTF-16. */
        private static int unpairedSurrogate(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return i;
                }
            }
            return -1;
        }

        private static void writeString(DataOutputStream out, String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }
}

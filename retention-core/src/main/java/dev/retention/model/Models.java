package dev.retention.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Opens any model file of the library and returns the model as its own type:
 * {@code KMeansModel m = Models.load(path, KMeansModel.class)}, or {@code Model m = Models.load(path)} when the
 * type is not known in advance. The readers are found once, through {@link ServiceLoader}, among the modules
 * present (on the module path or the class path): a file of a type whose module is absent is refused with a
 * message that names the type and the types that can be read.
 *
 * <p>Every file is checked (length, magic number, format version, checksum) before its sections are parsed,
 * and the model's reader checks its sections and values, so a truncated, corrupted, foreign or newer file is
 * refused with a {@link ModelFormatException} naming the file. Thread-safe.
 */
public final class Models {

    private Models() {
    }

    /**
     * Reads a model file.
     *
     * @param path read
     * @return the model the file holds
     * @throws ModelFormatException if the file is not a valid model file or its type cannot be read here
     * @throws IOException          if the file cannot be read
     */
    public static Model load(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        return read(ModelFile.parse(Files.readAllBytes(path), path.toString()));
    }

    /**
     * Reads a model file that must hold a model of the given class.
     *
     * @param <T>  the expected class
     * @param path read
     * @param type the expected class, such as {@code KMeansModel.class} or an interface it implements
     * @return the model the file holds
     * @throws ModelFormatException if the file is not valid, or holds another kind of model (the message names
     *                              both)
     * @throws IOException          if the file cannot be read
     */
    public static <T extends Model> T load(Path path, Class<T> type) throws IOException {
        Objects.requireNonNull(type, "type");
        return cast(load(path), type, path.toString());
    }

    /**
     * Reads a model from model-file bytes, as {@link Model#toBytes()} gives them.
     *
     * @param bytes  read, not kept
     * @param source a name for messages
     * @return the model the bytes hold
     * @throws ModelFormatException if the bytes are not a valid model file or the type cannot be read here
     */
    public static Model fromBytes(byte[] bytes, String source) throws ModelFormatException {
        Objects.requireNonNull(bytes, "bytes");
        return read(ModelFile.parse(bytes, source));
    }

    /**
     * Reads a model of the given class from model-file bytes.
     *
     * @param <T>    the expected class
     * @param bytes  read, not kept
     * @param source a name for messages
     * @param type   the expected class
     * @return the model the bytes hold
     * @throws ModelFormatException if the bytes are not valid or hold another kind of model
     */
    public static <T extends Model> T fromBytes(byte[] bytes, String source, Class<T> type)
            throws ModelFormatException {
        Objects.requireNonNull(type, "type");
        return cast(fromBytes(bytes, source), type, source);
    }

    /**
     * {@return the model held by a checked model file}
     *
     * @param file read
     * @throws ModelFormatException if no module present reads its type, or its reader refuses it
     */
    public static Model read(ModelFile file) throws ModelFormatException {
        Objects.requireNonNull(file, "file");
        ModelReader reader = Registry.READERS.get(file.modelType());
        if (reader == null) {
            throw new ModelFormatException(file.source() + ": no reader for model type '" + file.modelType()
                    + "' (the module that defines it is not on the class or module path); types readable here: "
                    + Registry.READERS.keySet());
        }
        Model m = reader.read(file);
        if (!m.modelType().equals(file.modelType())) {
            throw new IllegalStateException("the reader of '" + file.modelType() + "' returned a '" + m.modelType()
                    + "' model");
        }
        return m;
    }

    /** {@return the model types that can be read here, sorted} */
    public static Set<String> readableTypes() {
        return Registry.READERS.keySet();
    }

    private static <T extends Model> T cast(Model m, Class<T> type, String source) throws ModelFormatException {
        if (!type.isInstance(m)) {
            throw new ModelFormatException(source + ": holds a '" + m.modelType() + "' model ("
                    + m.getClass().getSimpleName() + "), expected a " + type.getSimpleName());
        }
        return type.cast(m);
    }

    /** The readers, found once when first needed. */
    private static final class Registry {
        static final Map<String, ModelReader> READERS = find();

        private static Map<String, ModelReader> find() {
            Map<String, ModelReader> readers = new TreeMap<>();
            ClassLoader loader = Models.class.getClassLoader();
            try {
                for (ModelReader r : ServiceLoader.load(ModelReader.class, loader)) {
                    add(readers, r);
                }
                ClassLoader context = Thread.currentThread().getContextClassLoader();
                if (context != null && context != loader) {
                    for (ModelReader r : ServiceLoader.load(ModelReader.class, context)) {
                        add(readers, r);
                    }
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("a model reader could not be loaded: " + e.getMessage(), e);
            }
            return Collections.unmodifiableMap(readers);
        }

        private static void add(Map<String, ModelReader> readers, ModelReader r) {
            for (String type : r.modelTypes()) {
                ModelReader before = readers.putIfAbsent(type, r);
                if (before != null && before.getClass() != r.getClass()) {
                    throw new IllegalStateException("model type '" + type + "' is read by both "
                            + before.getClass().getName() + " and " + r.getClass().getName());
                }
            }
        }
    }
}

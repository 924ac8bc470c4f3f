package dev.retention.spark;

import dev.retention.model.Model;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Models read from broadcast model files, once per executor JVM: tasks of one job on one executor share the
 * immutable, thread-safe model read from the same bytes (keyed by the bytes' SHA-256). Models are never
 * Java-serialized: what travels is the library's model file.
 */
public final class BroadcastModels {

    private static final int MAX_CACHED = 64;
    private static final Map<String, Model> CACHE = new ConcurrentHashMap<>();

    private BroadcastModels() {
    }

    /**
     * {@return the model of a model file, read on first use in this JVM}
     *
     * @param file a model file's bytes, as {@code Model.toBytes()} writes them
     * @param type the model type expected
     * @param <T>  the type
     * @throws ModelFormatException if the bytes are not a model file of that type
     */
    public static <T extends Model> T load(byte[] file, Class<T> type) throws ModelFormatException {
        String key = sha256(file);
        Model cached = CACHE.get(key);
        if (cached == null) {
            cached = Models.fromBytes(file, "broadcast model file " + key.substring(0, 12), type);
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();      // a long-lived executor that scored many models: start over
            }
            CACHE.put(key, cached);
        }
        if (!type.isInstance(cached)) {
            throw new ModelFormatException("the broadcast model file holds a " + cached.modelType() + " model, not a "
                    + type.getSimpleName());
        }
        return type.cast(cached);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

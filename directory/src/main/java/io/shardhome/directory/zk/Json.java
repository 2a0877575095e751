package io.shardhome.directory.zk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import java.io.IOException;

/** JSON encoding of the directory's small znodes (pointer, audit, records). Thread-safe. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new DirectoryException(
                    Code.INVALID_INPUT, "cannot encode " + value + " as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @throws DirectoryException {@code CORRUPT_DATA} naming the znode when the bytes do not decode
     */
    public static <T> T read(byte[] bytes, Class<T> type, String path) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException | RuntimeException e) {
            throw new DirectoryException(
                    Code.CORRUPT_DATA,
                    "znode " + path + " does not hold a valid " + type.getSimpleName() + " (" + e.getMessage()
                            + "); it was changed by hand or by another version: restore it or re-import the map",
                    e);
        }
    }
}

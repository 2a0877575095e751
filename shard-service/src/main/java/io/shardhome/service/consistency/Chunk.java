package io.shardhome.service.consistency;

import java.util.List;

/**
 * A range of a table in key order: from {@code from} (inclusive) to {@code to} (exclusive); null bounds are
 * open, so the first and last chunks also take rows the other site has beyond the home's keys. Immutable.
 *
 * @param from key values (String, or byte[] for binary columns), or null
 * @param to key values, or null
 */
public record Chunk(List<Object> from, List<Object> to) {
    public static final Chunk WHOLE = new Chunk(null, null);

    public Chunk {
        from = from == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(from));
        to = to == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(to));
    }

    /** The chunks between consecutive {@code boundaries} (sorted), plus the open ends. */
    public static List<Chunk> between(List<List<Object>> boundaries) {
        List<Chunk> chunks = new java.util.ArrayList<>();
        List<Object> previous = null;
        for (List<Object> boundary : boundaries) {
            chunks.add(new Chunk(previous, boundary));
            previous = boundary;
        }
        chunks.add(new Chunk(previous, null));
        return chunks;
    }
}

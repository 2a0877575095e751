package io.shardhome.service.shards;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Filters and pages a snapshot's shards. Immutable; pure.
 *
 * @param home only shards homed there (site or {@code #LOCAL}, case-insensitive); empty for all
 * @param text only shards whose id contains this (case-insensitive); empty for all
 * @param page page number from 0
 * @param size page size, 1..{@link #MAX_SIZE}
 */
public record ShardQuery(String home, String text, int page, int size) {
    public static final int MAX_SIZE = 1000;

    public ShardQuery {
        home = home == null ? "" : home.trim();
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        page = Math.max(0, page);
        size = Math.min(MAX_SIZE, Math.max(1, size));
    }

    public ShardPageBody apply(DirectorySnapshot snapshot) {
        List<ShardBody> items = new ArrayList<>(size);
        long first = (long) page * size;
        int total = 0;
        for (ShardEntry entry : snapshot.sortedEntries()) {
            if (!matches(entry)) {
                continue;
            }
            if (total >= first && items.size() < size) {
                items.add(ShardBody.of(entry));
            }
            total++;
        }
        return new ShardPageBody(items, page, size, total, snapshot.version());
    }

    boolean matches(ShardEntry entry) {
        return (home.isEmpty() || entry.home().value().equalsIgnoreCase(home))
                && (text.isEmpty() || entry.shardId().toLowerCase(Locale.ROOT).contains(text));
    }
}

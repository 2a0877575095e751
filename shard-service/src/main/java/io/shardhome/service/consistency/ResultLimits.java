package io.shardhome.service.consistency;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a check's results within what a directory record holds (ZooKeeper is for small data): table
 * definitions cut at a few kilobytes, at most a few hundred differing tables listed per part (all counted).
 */
final class ResultLimits {
    static final int DEFINITION_CHARS = 4_000;
    static final int TABLES_PER_PART = 200;

    private ResultLimits() {}

    static List<ShardResult> trimmed(List<ShardResult> results) {
        List<ShardResult> kept = new ArrayList<>();
        int listed = 0;
        for (ShardResult r : results) {
            List<TableDiff> tables = new ArrayList<>();
            for (TableDiff t : r.tables()) {
                if (listed++ < TABLES_PER_PART) {
                    tables.add(cut(t));
                }
            }
            String note = tables.size() < r.tables().size()
                    ? (r.note().isEmpty() ? "" : r.note() + "; ") + (r.tables().size() - tables.size())
                            + " more differing tables not listed (check this shard alone to see them)"
                    : r.note();
            kept.add(new ShardResult(
                    r.shard(), r.site(), r.home(), r.status(), r.gtid(), r.tablesCompared(), r.rows(), tables, note));
        }
        return kept;
    }

    private static TableDiff cut(TableDiff t) {
        return new TableDiff(
                t.table(),
                t.status(),
                t.rows(),
                t.chunks(),
                t.chunksDiffering(),
                t.missing(),
                t.extra(),
                t.different(),
                cut(t.homeDefinition()),
                cut(t.copyDefinition()),
                t.note(),
                t.gtid());
    }

    private static String cut(String text) {
        return text.length() <= DEFINITION_CHARS ? text : text.substring(0, DEFINITION_CHARS) + " ...";
    }
}

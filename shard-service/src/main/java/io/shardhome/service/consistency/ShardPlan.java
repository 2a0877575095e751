package io.shardhome.service.consistency;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What checking one shard takes, from both sites' definitions: the tables whose rows are compared (equal
 * stored columns) and the differences found from definitions alone (a table missing at either site, a view
 * or a table whose columns differ). Immutable once built.
 */
record ShardPlan(String shard, List<Task> tasks, List<TableDiff> definitionDiffs, int tables, String note) {
    static final String NOT_COMPARED = "NOT_COMPARED";

    /** One table whose rows a worker compares. */
    record Task(String shard, TableShape shape, String status, String homeDefinition, String copyDefinition) {}

    static ShardPlan of(String shard, Connection home, Connection copy) throws SQLException {
        boolean atHome = Definitions.schemaExists(home, shard);
        boolean atCopy = Definitions.schemaExists(copy, shard);
        if (!atHome) {
            return new ShardPlan(
                    shard,
                    List.of(),
                    List.of(),
                    0,
                    atCopy
                            ? "the copy has schema " + shard + " but its home has none"
                            : "the shard has no schema at its home or this copy yet");
        }
        Map<String, String> homeDefs = Definitions.of(home, shard);
        Map<String, String> copyDefs = atCopy ? Definitions.of(copy, shard) : Map.of();
        Map<String, TableShape> homeShapes = TableShape.read(home, shard);
        Map<String, TableShape> copyShapes = atCopy ? TableShape.read(copy, shard) : Map.of();
        List<Task> tasks = new ArrayList<>();
        List<TableDiff> diffs = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(homeDefs.keySet());
        all.addAll(copyDefs.keySet());
        for (String table : all) {
            String here = homeDefs.get(table);
            String there = copyDefs.get(table);
            TableShape shape = homeShapes.get(table);
            if (there == null) {
                diffs.add(TableDiff.tableOnlyAtHome(table, here));
            } else if (here == null) {
                diffs.add(TableDiff.tableOnlyAtCopy(table, there));
            } else if (here.equals(there) && shape != null) {
                tasks.add(new Task(shard, shape, TableDiff.SAME, "", ""));
            } else if (here.equals(there)) {
                continue; // an equal view
            } else if (shape != null && sameColumns(shape, copyShapes.get(table))) {
                tasks.add(new Task(shard, shape.withoutIndexHint(), TableDiff.DEFINITION, here, there));
            } else {
                diffs.add(new TableDiff(
                        table,
                        TableDiff.DEFINITION,
                        0,
                        0,
                        0,
                        null,
                        null,
                        null,
                        here,
                        there,
                        shape == null ? "" : "the stored columns differ; rows not compared",
                        ""));
            }
        }
        String note = atCopy ? "" : "the copy has no schema " + shard;
        return new ShardPlan(shard, tasks, diffs, all.size(), note);
    }

    private static boolean sameColumns(TableShape home, TableShape copy) {
        return copy != null
                && home.columns().equals(copy.columns())
                && home.key().equals(copy.key());
    }

    ShardResult result(List<TableDiff> compared, String site, String home) {
        List<TableDiff> differing = new ArrayList<>(definitionDiffs);
        long rows = 0;
        boolean incomplete = false;
        for (TableDiff diff : compared) {
            rows += diff.rows();
            incomplete |= NOT_COMPARED.equals(diff.status());
            if (!diff.isSame()) {
                differing.add(diff);
            }
        }
        differing.sort(java.util.Comparator.comparing(TableDiff::table));
        boolean different =
                differing.stream().anyMatch(d -> !NOT_COMPARED.equals(d.status())) || note.startsWith("the copy has");
        String status = different ? ShardResult.DIFFERENT : incomplete ? ShardResult.NOT_CHECKED : ShardResult.SAME;
        String gtid = compared.stream()
                .map(TableDiff::gtid)
                .filter(g -> !g.isEmpty())
                .findFirst()
                .orElse("");
        return new ShardResult(shard, site, home, status, gtid, tables, rows, differing, note);
    }
}

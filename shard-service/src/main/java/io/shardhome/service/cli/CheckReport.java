package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Prints a check's result as an operator reads it. Pure formatting. */
final class CheckReport {
    private CheckReport() {}

    static String progress(JsonNode check) {
        StringBuilder line = new StringBuilder("  ");
        for (JsonNode part : check.path("parts")) {
            line.append(part.path("link").asText())
                    .append(' ')
                    .append(part.path("state").asText());
            if (part.path("tablesTotal").asInt() > 0) {
                line.append(" tables ")
                        .append(part.path("tablesDone").asInt())
                        .append('/')
                        .append(part.path("tablesTotal").asInt());
            }
            line.append("  ");
        }
        return line.toString().stripTrailing();
    }

    static void print(JsonNode check, PrintWriter out) {
        for (JsonNode part : check.path("parts")) {
            if (!part.path("error").asText().isEmpty()) {
                out.println(part.path("link").asText() + ": FAILED: "
                        + part.path("error").asText());
            }
            for (JsonNode shard : part.path("results")) {
                printShard(shard, out);
            }
        }
        JsonNode summary = check.path("summary");
        int different = summary.path("different").asInt();
        int same = summary.path("same").asInt();
        out.println(different + (different == 1 ? " shard copy differs, " : " shard copies differ, ") + same
                + (same == 1 ? " is" : " are") + " the same, "
                + summary.path("notChecked").asInt() + " not checked");
    }

    private static void printShard(JsonNode shard, PrintWriter out) {
        out.println(shard.path("shard").asText() + " at " + shard.path("site").asText() + " (home "
                + shard.path("home").asText() + ", compared at "
                + shard.path("gtid").asText() + "): "
                + shard.path("status").asText() + ", "
                + shard.path("tablesCompared").asInt() + " tables, "
                + shard.path("rows").asLong() + " rows"
                + (shard.path("note").asText().isEmpty()
                        ? ""
                        : "; " + shard.path("note").asText()));
        for (JsonNode table : shard.path("tables")) {
            StringBuilder line = new StringBuilder("  " + table.path("table").asText() + ": "
                    + table.path("status").asText());
            rows(line, "missing at the copy", table.path("missing"));
            rows(line, "extra at the copy", table.path("extra"));
            rows(line, "different", table.path("different"));
            if (!table.path("note").asText().isEmpty()) {
                line.append("; ").append(table.path("note").asText());
            }
            out.println(line);
            if (!table.path("homeDefinition").asText().isEmpty()
                    || !table.path("copyDefinition").asText().isEmpty()) {
                out.println("    home: " + oneLine(table.path("homeDefinition").asText()));
                out.println("    copy: " + oneLine(table.path("copyDefinition").asText()));
            }
        }
    }

    private static void rows(StringBuilder line, String what, JsonNode rows) {
        long count = rows.path("count").asLong();
        if (count == 0) {
            return;
        }
        line.append("; ").append(count).append(' ').append(what).append(" (keys ");
        for (int i = 0; i < rows.path("keys").size(); i++) {
            line.append(i == 0 ? "" : " | ").append(rows.path("keys").get(i).asText());
        }
        line.append(count > rows.path("keys").size() ? " ...)" : ")");
    }

    private static String oneLine(String definition) {
        return definition.isEmpty() ? "(none)" : definition.replaceAll("\\s*\\n\\s*", " ");
    }
}

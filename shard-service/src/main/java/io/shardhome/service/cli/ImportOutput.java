package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Prints an import result: one line per change, the summary, and what happened. */
final class ImportOutput {
    private ImportOutput() {}

    static void print(JsonNode result, PrintWriter out) {
        for (JsonNode change : result.path("changes")) {
            out.println(change.asText());
        }
        out.println(result.path("summary").asText());
        if (result.path("dryRun").asBoolean()) {
            out.println("dry run: nothing changed (map version "
                    + result.path("baseVersion").asLong() + ")");
        } else if (result.path("applied").asBoolean()) {
            out.println("applied: map version " + result.path("newVersion").asLong());
        } else {
            out.println("nothing to apply: map version "
                    + result.path("baseVersion").asLong());
        }
        out.flush();
    }
}

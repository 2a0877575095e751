package io.shardhome.links.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.links.conformance.ConformanceScript.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConformanceScriptTest {
    @Test
    void headerGivesWhatTheScriptCoversAndThatItMustReplicateIdentically() {
        ConformanceScript script = ConformanceScript.parse(
                "a.sql",
                "-- covers: integers\n--   and more\n-- expect: identical\n-- timeout: 300\n\nCREATE DATABASE acme;\n");
        assertThat(script.covers()).isEqualTo("integers and more");
        assertThat(script.expectation()).isEqualTo(Expectation.IDENTICAL);
        assertThat(script.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(script.prefix()).containsExactly(new Step(6, "CREATE DATABASE acme", 0));
        assertThat(script.offending()).isEmpty();
    }

    @Test
    void aStopScriptSplitsAtTheOffendingMarkerAndNamesCodeTextAndShard() {
        ConformanceScript script = ConformanceScript.parse(
                "s.sql",
                "-- covers: xa\n-- expect: stop RULE_REJECTED unknown shard: x\n-- expect-shard: #UNKNOWN\n"
                        + "CREATE DATABASE acme;\n-- @offending\n-- @error 1062\nINSERT INTO t VALUES (1);\n");
        assertThat(script.expectation())
                .isEqualTo(new Expectation(true, "RULE_REJECTED", "unknown shard: x", "#UNKNOWN"));
        assertThat(script.prefix()).containsExactly(new Step(4, "CREATE DATABASE acme", 0));
        assertThat(script.offending()).containsExactly(new Step(7, "INSERT INTO t VALUES (1)", 1062));
        assertThat(script.expectation().matchesMessage("Rejected event from UNKNOWN SHARD: x"))
                .isTrue();
    }

    @Test
    void aStopDefaultsToShardAcme() {
        ConformanceScript script = ConformanceScript.parse(
                "s.sql", "-- covers: x\n-- expect: stop EVENT_UNREADABLE XA\n-- @offending\nXA START 'a';\n");
        assertThat(script.expectation().shard()).isEqualTo("acme");
    }

    @Test
    void malformedScriptsAreRefusedNamingTheScriptAndTheFix() {
        assertThatThrownBy(() -> ConformanceScript.parse("n.sql", "-- expect: identical\nSELECT 1;\n"))
                .hasMessageContaining("n.sql", "-- covers:");
        assertThatThrownBy(() -> ConformanceScript.parse("n.sql", "-- covers: x\n-- expect: maybe\nSELECT 1;\n"))
                .hasMessageContaining("n.sql", "expect: stop <CODE> <text fragment>");
        assertThatThrownBy(() -> ConformanceScript.parse(
                        "n.sql", "-- covers: x\n-- expect: stop APPLY_FAILED oops\nSELECT 1;\n"))
                .hasMessageContaining("n.sql", "-- @offending");
        assertThatThrownBy(() -> ConformanceScript.parse(
                        "n.sql", "-- covers: x\n-- expect: identical\n-- @offending\nSELECT 1;\n"))
                .hasMessageContaining("only in a script that expects a stop");
        assertThatThrownBy(() -> ConformanceScript.parse("n.sql", "-- covers: x\n-- expect: identical\n-- @sleep 5\n"))
                .hasMessageContaining("line 3", "unknown or repeated directive");
    }
}

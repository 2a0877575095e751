package io.shardhome.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DemoMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void theDemoJarRunsTheDemoCommandWithItsHelp() {
        assertThat(run("demo", "--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: shardhome demo").contains("--fresh", "--check", "--data-dir");
    }

    @Test
    void theDemoJarAlsoRunsEveryServiceCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve", "link", "move", "demo");

        assertThat(run("link", "status", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: shardhome link status");
    }
}

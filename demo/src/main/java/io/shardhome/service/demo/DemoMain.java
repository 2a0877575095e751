package io.shardhome.service.demo;

import io.shardhome.service.cli.ShardhomeCli;
import java.io.PrintWriter;

/**
 * The main class of {@code shardhome-demo.jar}: the {@code shardhome} command line of the service jar with
 * {@code demo} ({@link DemoCommand}) in place of the service jar's pointer to this jar. Every other command
 * works as in the service jar.
 */
public final class DemoMain {
    private DemoMain() {}

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return ShardhomeCli.commandLine(out, err, new DemoCommand()).execute(args);
    }
}

package io.shardhome.service.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A packaged {@code shardhome} jar running as its own JVM process ({@code java -jar <jar> <args>}), its
 * output going to a file: the real thing crash tests kill. {@link #kill()} is SIGKILL, {@link #terminate()}
 * SIGTERM. Not thread-safe; {@link #close()} stops what still runs.
 */
public final class JarProcess implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final String name;

    private JarProcess(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@code java -jar jar args} with {@code javaOptions} (e.g. a smaller heap), output to {@code
     * output} (appended).
     */
    public static JarProcess start(String name, Path jar, List<String> javaOptions, List<String> args, Path output) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
            return new JarProcess(name, process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** The jar the build packaged for {@code module} (tests run from the module's directory). */
    public static Path packagedJar(String fileName) {
        Path jar = Path.of("target", fileName).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the tests with 'mvn verify' (after package)");
        }
        return jar;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    /** Everything the process wrote so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output matches {@code regex} and returns the match's first group (or all of it). */
    public String awaitOutput(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        String[] found = new String[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                found[0] = m.groupCount() > 0 ? m.group(1) : m.group();
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before printing /" + regex
                        + "/:\n" + output());
            }
            return false;
        });
        return found[0];
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM; does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** SIGSTOP: the process freezes (a long GC pause, a stalled VM), keeping its sockets open. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + name, e);
        }
    }

    /** Waits for the exit; @return the exit code. @throws AssertionError when it is still running after timeout */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs " + timeout.toSeconds() + " s later");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /**
     * Stops what still runs: SIGTERM (a demo then stops its MariaDB servers too), SIGKILL when it has not
     * exited 30 s later. A test that failed half-way leaves nothing running this way.
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}

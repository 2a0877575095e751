package io.shardhome.links.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance corpus on the test classpath: the scripts {@code conformance/*.sql} (or, with the system
 * property {@value #SET_PROPERTY}{@code =large}, those of {@code conformance/large/}: too slow for every
 * build), optionally only those whose name contains {@value #ONLY_PROPERTY}, and the data files of {@code
 * conformance/files/} the scripts load.
 */
final class Corpus {
    static final String SET_PROPERTY = "shardhome.conformance.set";
    static final String ONLY_PROPERTY = "shardhome.conformance.only";
    private static final String ROOT = "conformance";

    private Corpus() {}

    /** The scripts of this run, parsed, in name order. */
    static List<ConformanceScript> scripts() {
        String set = System.getProperty(SET_PROPERTY, "").strip();
        String only = System.getProperty(ONLY_PROPERTY, "").strip();
        Path dir = directory(set.isEmpty() ? ROOT : ROOT + "/" + set);
        try (Stream<Path> files = Files.list(dir)) {
            List<ConformanceScript> scripts = files.filter(
                            p -> p.getFileName().toString().endsWith(".sql"))
                    .filter(p -> p.getFileName().toString().contains(only))
                    .sorted()
                    .map(Corpus::read)
                    .toList();
            if (scripts.isEmpty()) {
                throw new IllegalStateException("no conformance scripts in " + dir + " match " + ONLY_PROPERTY + "='"
                        + only + "'; give part of a script's name or leave the property out");
            }
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the conformance scripts in " + dir, e);
        }
    }

    /**
     * The data files ({@code conformance/files/}) copied to {@code target/conformance-files}, where the
     * masters (on this machine) and the JDBC driver (LOAD DATA LOCAL) read them: the {@code ${files}} of the
     * scripts.
     */
    static Path files() {
        Path target = Path.of(System.getProperty("user.dir"), "target", "conformance-files")
                .toAbsolutePath();
        try (Stream<Path> files = Files.list(directory(ROOT + "/files"))) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the conformance data files to " + target, e);
        }
    }

    private static ConformanceScript read(Path file) {
        try {
            return ConformanceScript.parse(
                    file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read conformance script " + file, e);
        }
    }

    private static Path directory(String resource) {
        URL url = Corpus.class.getClassLoader().getResource(resource);
        if (url == null || !url.getProtocol().equals("file")) {
            throw new IllegalStateException("the conformance corpus " + resource + " is not a directory on the"
                    + " test classpath (" + url + "); run from the site-links module's test classes");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad classpath URL " + url, e);
        }
    }
}

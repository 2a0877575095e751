package io.shardhome.links.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test CA, a server certificate it signed for one IP address, a second CA that signed nothing the
 * servers use, and the Java trust and key stores made of them, generated with the real {@code openssl}
 * and {@code keytool} (a missing tool fails the test that needs it). Immutable once created.
 */
public final class TestCertificates {
    /** The password of every store this creates. */
    public static final String STORE_PASSWORD = "changeit";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Creates everything anew in {@code dir}; the server certificate names only {@code ipAddress}. */
    public static TestCertificates create(Path dir, String ipAddress) {
        TestCertificates certs = new TestCertificates(dir.toAbsolutePath());
        certs.generate(ipAddress);
        return certs;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path serverCertPem() {
        return dir.resolve("server.pem");
    }

    public Path serverKeyPem() {
        return dir.resolve("server-key.pem");
    }

    /** PKCS12 trust store holding the CA that signed the server certificate. */
    public Path trustStore() {
        return dir.resolve("ca.p12");
    }

    /** PKCS12 trust store holding only the other CA. */
    public Path otherCaTrustStore() {
        return dir.resolve("other-ca.p12");
    }

    /** PKCS12 key store with the server certificate and its key (alias {@code server}), e.g. for HTTPS. */
    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    private void generate(String ipAddress) {
        deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("san.cnf"), "subjectAltName=IP:" + ipAddress + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newCa("ca");
        newCa("other-ca");
        run(
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "server-key.pem",
                "-out",
                "server.csr",
                "-subj",
                "/CN=shardhome test server");
        run(
                "openssl",
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca-key.pem",
                "-CAcreateserial",
                "-out",
                "server.pem",
                "-days",
                "3650",
                "-sha256",
                "-extfile",
                "san.cnf");
        run(
                "openssl",
                "pkcs12",
                "-export",
                "-in",
                "server.pem",
                "-inkey",
                "server-key.pem",
                "-name",
                "server",
                "-out",
                "server.p12",
                "-passout",
                "pass:" + STORE_PASSWORD);
        for (String ca : new String[] {"ca", "other-ca"}) {
            run(
                    "keytool",
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    ca,
                    "-file",
                    ca + ".pem",
                    "-keystore",
                    ca + ".p12",
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    STORE_PASSWORD);
        }
    }

    private void newCa(String name) {
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                name + "-key.pem",
                "-out",
                name + ".pem",
                "-days",
                "3650",
                "-sha256",
                "-subj",
                "/CN=shardhome test " + name);
    }

    private void run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(args)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not run " + command[0] + " (" + e.getMessage() + "); install it (Debian: openssl, and a JDK"
                            + " for keytool)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + root, e);
        }
    }
}

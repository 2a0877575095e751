package io.shardhome.service.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the service is and how to authenticate: flags, else environment, else the admin token file of a
 * local embedded default ({@code ./.shardhome/admin.token}).
 */
final class ConnectionOptions {
    @Option(
            names = "--url",
            defaultValue = "${env:SHARDHOME_URL:-http://127.0.0.1:8080}",
            description = "base URL of the service (env SHARDHOME_URL; default ${DEFAULT-VALUE})")
    String url;

    @Option(
            names = "--token",
            defaultValue = "${env:SHARDHOME_TOKEN}",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "bearer token (env SHARDHOME_TOKEN; default: the token file in --data-dir)")
    String token;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:SHARDHOME_DATA_DIR:-./.shardhome}",
            description = "data directory of a local service, for its admin.token (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(
            names = "--trust-store",
            defaultValue = "${env:SHARDHOME_TRUST_STORE}",
            description = "PKCS12 trust store with the CA of an https --url (env SHARDHOME_TRUST_STORE; default: the"
                    + " JVM's trusted CAs)")
    Path trustStore;

    @Option(
            names = "--trust-store-password",
            defaultValue = "${env:SHARDHOME_TRUST_STORE_PASSWORD}",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "password of --trust-store (env SHARDHOME_TRUST_STORE_PASSWORD)")
    String trustStorePassword;

    ApiClient client() {
        return new ApiClient(url, resolveToken(), trustStore, trustStorePassword);
    }

    String resolveToken() {
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        Path file = dataDir.resolve("admin.token");
        if (!Files.isReadable(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new CliFailure(
                    ShardhomeCli.USER_ERROR,
                    "cannot read the token file " + file + " (" + e.getMessage() + "); pass --token or set"
                            + " SHARDHOME_TOKEN",
                    e);
        }
    }
}

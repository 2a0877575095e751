package io.shardhome.service.security;

import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The generated admin token of an instance without configured credentials: created once with
 * owner-only permissions (rw-------) and read back on later starts. Stateless.
 */
public final class AdminTokenFile {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminTokenFile() {}

    /** @return the token stored in {@code file}, creating the file with a fresh token if missing */
    public static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new ServiceException(
                        Code.INTERNAL,
                        "the admin token file " + file + " is empty; delete it and restart to get a new one");
            }
            return token;
        } catch (IOException e) {
            throw new ServiceException(
                    Code.INTERNAL,
                    "cannot read or create the admin token file " + file + " (" + e.getMessage()
                            + "); make the data directory writable by this user or configure shardhome.security.tokens",
                    Map.of(),
                    e);
        }
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "shk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(
                file.toAbsolutePath().getParent(),
                ".admin-token",
                ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(temp, newToken() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file);
        } catch (FileAlreadyExistsException createdConcurrently) {
            // another instance sharing the data dir won the race; its token is the one to use
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

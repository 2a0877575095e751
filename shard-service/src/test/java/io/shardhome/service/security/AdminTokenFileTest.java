package io.shardhome.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenFileTest {
    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyFileOnceAndReadsTheSameTokenLater() throws IOException {
        Path file = dir.resolve("sub/admin.token");

        String first = AdminTokenFile.loadOrCreate(file);
        String second = AdminTokenFile.loadOrCreate(file);

        assertThat(first).startsWith("shk_").hasSizeGreaterThan(40).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void tightensAFileThatOthersCouldRead() throws IOException {
        Path file = Files.writeString(dir.resolve("admin.token"), "given\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(AdminTokenFile.loadOrCreate(file)).isEqualTo("given");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void generatedTokensDiffer() {
        assertThat(AdminTokenFile.newToken()).isNotEqualTo(AdminTokenFile.newToken());
    }
}

package io.shardhome.links.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void latestVersionIsTheNewestMigrationSoThatAnOutdatedCatalogIsNeverTakenForCurrent()
            throws IOException, URISyntaxException {
        Path migrations = Path.of(Catalog.class.getResource("/db/shardhome").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            String newest = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow();
            assertThat(Catalog.LATEST_VERSION).isEqualTo(newest);
        }
    }
}

package io.shardhome.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.testing.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin page's files are served without credentials (the page logs in itself); the API is not. */
class AdminPageServingIT extends ServiceTestSupport {

    @ParameterizedTest
    @CsvSource({
        "/, ui/js/app.js",
        "/index.html, ui/js/app.js",
        "/ui/js/app.js, import * as api",
        "/ui/js/screens/import.js, dryRun=true",
        "/ui/css/app.css, .badge"
    })
    void pageFilesNeedNoCredentials(String path, String content) {
        assertThat(anonymous.get(path).status()).isEqualTo(200);
        assertThat(anonymous.get(path).body()).contains(content);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/sites", "/api/v1/shards", "/api/v1/audit"})
    void theApiStillNeedsCredentials(String path) {
        assertThat(anonymous.get(path).status()).isEqualTo(401);
    }

    @Test
    void pathsEscapingThePageFolderAreRejected() {
        assertThat(anonymous.get("/ui/../api/v1/audit").status()).isEqualTo(400);
    }

    @Test
    void writesUnderThePagePathStillNeedAnAdmin() {
        assertThat(anonymous.send("POST", "/ui/js/app.js", null, null).status()).isEqualTo(401);
        assertThat(reader.send("PUT", "/index.html", "text/plain", "x").status())
                .isEqualTo(403);
    }
}

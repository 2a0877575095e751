package io.shardhome.service.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.DirectoryException;
import io.shardhome.service.error.ServiceException.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryErrorsTest {

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
        "UNKNOWN_SITE,   UNKNOWN_SITE,          422",
        "UNKNOWN_SHARD,  SHARD_NOT_FOUND,       404",
        "SHARD_EXISTS,   SHARD_EXISTS,          409",
        "SITE_EXISTS,    SITE_EXISTS,           409",
        "SITE_IN_USE,    SITE_IN_USE,           409",
        "INVALID_INPUT,  INVALID_INPUT,         400",
        "ACCESS_DENIED,  DIRECTORY_UNAVAILABLE, 503",
        "UNAVAILABLE,    DIRECTORY_UNAVAILABLE, 503",
        "INTERRUPTED,    DIRECTORY_UNAVAILABLE, 503",
        "CORRUPT_DATA,   INTERNAL,              500",
        "ILLEGAL_STATE,  INTERNAL,              500"
    })
    void directoryCodesMapToServiceCodesAndStatuses(DirectoryException.Code from, Code to, int status) {
        ServiceException translated = DirectoryErrors.translate(new DirectoryException(from, "what happened"));

        assertThat(translated.code()).isEqualTo(to);
        assertThat(translated.code().status().value()).isEqualTo(status);
        assertThat(translated).hasMessage("what happened");
    }

    @Test
    void conflictBecomes412NamingTheCurrentVersionAndHowToRetry() {
        ServiceException translated = DirectoryErrors.translate(DirectoryException.conflict("shard.update", 3, 5));

        assertThat(translated.code()).isEqualTo(Code.VERSION_MISMATCH);
        assertThat(translated.code().status().value()).isEqualTo(412);
        assertThat(translated.properties()).containsEntry("currentVersion", 5L);
        assertThat(translated.getMessage()).contains("version 5", "If-Match: \"5\"");
    }

    @ParameterizedTest
    @CsvSource({
        "400, INVALID_INPUT",
        "401, UNAUTHENTICATED",
        "403, FORBIDDEN",
        "404, NOT_FOUND",
        "405, METHOD_NOT_ALLOWED",
        "415, UNSUPPORTED_MEDIA_TYPE",
        "500, INTERNAL"
    })
    void problemsOfSpringsOwnErrorsGetACode(int status, Code code) {
        assertThat(Problems.codeFor(org.springframework.http.HttpStatusCode.valueOf(status)))
                .isEqualTo(code);
        assertThat(Problems.of(code, "x").getProperties()).containsEntry("code", code.name());
    }
}

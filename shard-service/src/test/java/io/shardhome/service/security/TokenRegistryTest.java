package io.shardhome.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.service.error.ServiceException;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {

    @Test
    void findsAPlainConfiguredTokenAndAnotherConfiguredOnlyAsItsDigest() {
        TokenRegistry registry = TokenRegistry.builder()
                .add("ops", "plain-secret", Role.ADMIN)
                .add("app", "sha256:" + TokenRegistry.sha256("hashed-secret"), Role.READER)
                .build();

        assertThat(registry.find("plain-secret")).contains(new TokenRegistry.Holder("ops", Role.ADMIN));
        assertThat(registry.find("hashed-secret")).contains(new TokenRegistry.Holder("app", Role.READER));
        assertThat(registry.find("sha256:" + TokenRegistry.sha256("hashed-secret")))
                .isEmpty();
        assertThat(registry.find("")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void twoHoldersWithTheSameTokenAreRefusedWithoutShowingIt() {
        TokenRegistry.Builder builder = TokenRegistry.builder().add("a", "same", Role.ADMIN);

        assertThatThrownBy(() -> builder.add("b", "same", Role.READER))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("'b'")
                .hasMessageContaining("'a'")
                .hasMessageNotContaining("same,");
    }

    @Test
    void tokenWithoutRoleIsRefused() {
        assertThatThrownBy(() -> TokenRegistry.builder().add("x", "t", null))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("reader or admin");
    }

    @Test
    void adminRoleIncludesReader() {
        assertThat(Role.ADMIN.authorities()).extracting(Object::toString).contains("ROLE_ADMIN", "ROLE_READER");
        assertThat(Role.READER.authorities()).extracting(Object::toString).containsExactly("ROLE_READER");
    }
}

package io.shardhome.service.security;

import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The known bearer tokens, held only as SHA-256 digests, so a lookup costs one hash and one map read
 * (cheap enough for the lookup hot path) and a heap dump shows no token. Immutable and thread-safe.
 */
public final class TokenRegistry {
    static final String SHA256_PREFIX = "sha256:";

    /** Who holds a token. */
    public record Holder(String name, Role role) {}

    private final Map<String, Holder> byDigest;

    private TokenRegistry(Map<String, Holder> byDigest) {
        this.byDigest = Map.copyOf(byDigest);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Holder> find(String presentedToken) {
        if (presentedToken == null || presentedToken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDigest.get(sha256(presentedToken)));
    }

    public int size() {
        return byDigest.size();
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Collects tokens; a configured {@code sha256:<hex>} value is taken as the digest of the token. */
    public static final class Builder {
        private final Map<String, Holder> byDigest = new HashMap<>();

        public Builder add(String name, String tokenOrDigest, Role role) {
            if (name == null || name.isBlank() || tokenOrDigest == null || tokenOrDigest.isBlank() || role == null) {
                throw new ServiceException(
                        Code.INVALID_INPUT,
                        "a configured token needs name, token and role (reader or admin); fix shardhome.security"
                                + ".tokens entry '" + name + "'");
            }
            String digest = tokenOrDigest.startsWith(SHA256_PREFIX)
                    ? tokenOrDigest.substring(SHA256_PREFIX.length()).toLowerCase(Locale.ROOT)
                    : sha256(tokenOrDigest);
            if (byDigest.putIfAbsent(digest, new Holder(name, role)) != null) {
                throw new ServiceException(
                        Code.INVALID_INPUT,
                        "token '" + name + "' has the same value as token '"
                                + byDigest.get(digest).name() + "'; give every holder its own token");
            }
            return this;
        }

        public TokenRegistry build() {
            return new TokenRegistry(byDigest);
        }
    }
}

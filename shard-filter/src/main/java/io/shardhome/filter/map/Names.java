package io.shardhome.filter.map;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of shard ids (MySQL schema names) and site names. Pure functions, thread-safe.
 *
 * <p>A shard id is a schema name MySQL accepts unquoted: 1 to 64 characters from {@code [0-9a-zA-Z$_]}
 * and U+0080..U+FFFF, not consisting of digits only. A site name is {@code [a-z0-9_-]{1,32}}.
 */
public final class Names {
    public static final int MAX_SHARD_ID_LENGTH = 64;
    private static final Pattern SITE = Pattern.compile("[a-z0-9_-]{1,32}");
    /** The servers' own schemas and shardhome's catalog: site-local, never a shard. */
    private static final Set<String> RESERVED =
            Set.of("mysql", "information_schema", "performance_schema", "sys", "shardhome");

    private Names() {}

    /** Returns why {@code shardId} is not a valid shard id, or empty when it is valid. */
    public static Optional<String> shardIdProblem(String shardId) {
        if (shardId == null || shardId.isEmpty()) {
            return Optional.of("shard id is empty");
        }
        if (shardId.length() > MAX_SHARD_ID_LENGTH) {
            return Optional.of("shard id '" + shardId + "' is " + shardId.length()
                    + " characters long; MySQL schema names have at most " + MAX_SHARD_ID_LENGTH);
        }
        boolean allDigits = true;
        for (int i = 0; i < shardId.length(); i++) {
            char c = shardId.charAt(i);
            if (!isUnquotedIdentifierChar(c)) {
                return Optional.of("shard id '" + shardId + "' has character '" + c + "' at position " + (i + 1)
                        + "; use only letters, digits, '$' and '_' (MySQL unquoted schema names)");
            }
            allDigits &= c >= '0' && c <= '9';
        }
        if (allDigits) {
            return Optional.of("shard id '" + shardId + "' consists of digits only; MySQL needs a letter, '$' or '_'");
        }
        return Optional.empty();
    }

    /**
     * Returns why {@code shardId} may not be defined as a shard although it is a valid name, or empty
     * when it may: the system schemas ({@code mysql}, {@code information_schema}, {@code
     * performance_schema}, {@code sys}) and the catalog {@code shardhome} in any letter case. Checked where
     * shards are defined (CSV maps, the REST API), not when a stored map is read.
     */
    public static Optional<String> reservedSchemaProblem(String shardId) {
        if (shardId != null && RESERVED.contains(shardId.toLowerCase(Locale.ROOT))) {
            return Optional.of("shard id '" + shardId + "' is a system schema or shardhome's catalog, which stay"
                    + " at each site and are never replicated; choose another name");
        }
        return Optional.empty();
    }

    /** Returns why {@code site} is not a valid site name, or empty when it is valid. */
    public static Optional<String> siteNameProblem(String site) {
        if (site == null || site.isEmpty()) {
            return Optional.of("site name is empty");
        }
        if (!SITE.matcher(site).matches()) {
            return Optional.of("site name '" + site + "' is invalid; use 1 to 32 of [a-z0-9_-]");
        }
        return Optional.empty();
    }

    /** @throws ShardFilterException {@code INVALID_SHARD_ID} when the id is not valid */
    public static String requireShardId(String shardId) {
        shardIdProblem(shardId).ifPresent(p -> {
            throw new ShardFilterException(Code.INVALID_SHARD_ID, p);
        });
        return shardId;
    }

    /** @throws ShardFilterException {@code INVALID_SITE_NAME} when the name is not valid */
    public static String requireSiteName(String site) {
        siteNameProblem(site).ifPresent(p -> {
            throw new ShardFilterException(Code.INVALID_SITE_NAME, p);
        });
        return site;
    }

    private static boolean isUnquotedIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || (c >= '\u0080' && !Character.isSurrogate(c));
    }
}

package io.shardhome.service.web;

import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.util.OptionalLong;

/**
 * A parsed {@code If-Match} header. ETags are map versions ({@code "42"}); {@code *} matches any
 * existing resource. Immutable.
 *
 * @param present whether the header was sent
 * @param version the required map version; empty when absent or {@code *}
 */
public record IfMatch(boolean present, OptionalLong version) {
    private static final IfMatch NONE = new IfMatch(false, OptionalLong.empty());

    /** @throws ServiceException {@code INVALID_INPUT} for a value that is not a version, {@code *} or empty */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String value = header.trim();
        if (value.equals("*")) {
            return new IfMatch(true, OptionalLong.empty());
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return new IfMatch(true, OptionalLong.of(version));
            }
        } catch (NumberFormatException notANumber) {
            // answered below with the accepted forms
        }
        throw new ServiceException(
                Code.INVALID_INPUT,
                "If-Match '" + header + "' is not an ETag of this service; send the ETag of a previous GET, e.g."
                        + " If-Match: \"42\", or * for any existing version");
    }

    public static IfMatch none() {
        return NONE;
    }

    /** The ETag for a map version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}

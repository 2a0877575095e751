package io.shardhome.service.links;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.LinkStatusPublisher;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;

/**
 * Link ids ({@code nyc->sjc}, as {@link LinkRoles#linkId()} spells them) and the keys their statuses are
 * published under in the directory (as {@link LinkStatusPublisher#directoryKey(LinkRoles)} spells them,
 * {@code nyc.sjc}). Both spellings are accepted wherever an id is. Pure functions.
 */
final class LinkKeys {
    private static final String ARROW = "->";
    private static final String DOT = ".";

    private LinkKeys() {}

    /**
     * The two sites of a link id in either spelling.
     *
     * @throws ServiceException {@code INVALID_INPUT} when it is not {@code source->target} or {@code
     *     source.target} with two different valid site names
     */
    static LinkRoles roles(String linkIdOrKey) {
        String id = linkIdOrKey == null ? "" : linkIdOrKey;
        String separator = id.contains(ARROW) ? ARROW : DOT;
        int at = id.indexOf(separator);
        if (at < 0) {
            throw malformed(id, "it names no source and target");
        }
        try {
            return new LinkRoles(id.substring(0, at), id.substring(at + separator.length()));
        } catch (ShardFilterException | IllegalArgumentException e) {
            throw malformed(id, e.getMessage());
        }
    }

    /** The directory key of a link id; accepts either spelling. @throws ServiceException as {@link #roles} */
    static String key(String linkId) {
        return LinkStatusPublisher.directoryKey(roles(linkId));
    }

    /** The link id of a directory key; accepts either spelling. @throws ServiceException as {@link #roles} */
    static String id(String key) {
        return roles(key).linkId();
    }

    private static ServiceException malformed(String id, String why) {
        return new ServiceException(
                Code.INVALID_INPUT,
                "link id '" + id + "' is malformed (" + why + "); write source->target or source.target, e.g."
                        + " nyc->sjc (see GET /api/v1/links)");
    }
}

package io.shardhome.service.links;

/**
 * Link ids ({@code nyc->sjc}, as {@code LinkRoles.linkId()} spells them) and the keys their statuses are
 * published under in the directory ({@code nyc.sjc}: znode keys cannot hold {@code >}, and site names
 * cannot hold {@code .}, so the mapping is unambiguous). Pure functions.
 */
final class LinkKeys {
    private static final String ARROW = "->";
    private static final String DOT = ".";

    private LinkKeys() {}

    /** The directory key of a link id; accepts either spelling. */
    static String key(String linkId) {
        return linkId.replace(ARROW, DOT);
    }

    static String id(String key) {
        return key.replace(DOT, ARROW);
    }
}

package io.shardhome.client.feed;

/** What a map feed answer other than a stream means, in words that say what to fix. Pure. */
final class FeedAnswers {
    private static final int MAX_BODY = 300;

    private FeedAnswers() {}

    /** Whether the service refused this client for good (retrying will not help without a fix). */
    static boolean refused(int status) {
        return status == 401 || status == 403 || status == 404;
    }

    static String describe(int status, String body, String origin) {
        String why =
                switch (status) {
                    case 401 -> "the service refused the token: set shardhome.client.token to a reader token of it";
                    case 403 -> "the token may not read the map: give a reader token";
                    case 404 ->
                        "the service has no map feed at " + HttpMapSource.PATH + ": it is not a shardhome"
                                + " service of this version, or shardhome.client.url is wrong";
                    case 503 -> "the service is busy or streams to as many watchers as it may; retrying";
                    default -> "unexpected answer; retrying";
                };
        return "HTTP " + status + " from " + origin + ": " + why + " (" + abbreviate(body) + ")";
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return text.length() > MAX_BODY ? text.substring(0, MAX_BODY) + "..." : text;
    }
}

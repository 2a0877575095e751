package io.shardhome.links.conformance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the user schemas of a home and a copy master: every object of both {@link SiteSnapshot}s, and
 * for a table whose checksum or history differs, the first differing rows ({@link RowDiff}). An event
 * ENABLED at the home must be {@code SLAVESIDE_DISABLED} at the copy (what a native replica does: the copy
 * must not run it a second time).
 */
final class SiteComparison {
    private static final int MAX_LISTED = 40;

    private SiteComparison() {}

    /**
     * The differences between the masters {@code home} and {@code copy}, one readable line (or block) each;
     * empty when the copy is identical.
     */
    static List<String> differences(Connection home, Connection copy) throws SQLException {
        return differences(SiteSnapshot.take(home), SiteSnapshot.take(copy), home, copy);
    }

    /** The differences between two snapshots taken from {@code home} and {@code copy}. */
    static List<String> differences(SiteSnapshot homeState, SiteSnapshot copyState, Connection home, Connection copy)
            throws SQLException {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(homeState.entries().keySet());
        keys.addAll(copyState.entries().keySet());
        for (String key : keys) {
            String h = homeState.entries().get(key);
            String c = copyState.entries().get(key);
            if (key.startsWith("event-status ")) {
                eventStatus(key, h, c, out);
            } else if (h == null) {
                out.add(key + ": only at the copy: " + c);
            } else if (c == null) {
                out.add(key + ": missing at the copy (home: " + abbreviate(h) + ")");
            } else if (!h.equals(c)) {
                out.add(key + ": differs\n  home: " + abbreviate(h) + "\n  copy: " + abbreviate(c)
                        + rowDetail(key, home, copy));
            }
            if (out.size() >= MAX_LISTED) {
                out.add("... (further differences not listed)");
                break;
            }
        }
        return out;
    }

    /** The differences between two snapshots of the same master taken at different times. */
    static List<String> changes(SiteSnapshot before, SiteSnapshot after) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.entries().keySet());
        keys.addAll(after.entries().keySet());
        for (String key : keys) {
            String b = before.entries().get(key);
            String a = after.entries().get(key);
            if (!Objects.equals(a, b)) {
                out.add(key + ": was " + (b == null ? "absent" : abbreviate(b)) + ", now "
                        + (a == null ? "absent" : abbreviate(a)));
            }
        }
        return out;
    }

    /**
     * An event ENABLED at the home is SLAVESIDE_DISABLED at the copy (it must not run there, and a move that
     * makes the copy the home enables exactly those); one DISABLED at the home is DISABLED or
     * SLAVESIDE_DISABLED (a native replica records the latter).
     */
    private static void eventStatus(String key, String home, String copy, List<String> out) {
        boolean ok = "ENABLED".equals(home)
                ? "SLAVESIDE_DISABLED".equals(copy)
                : Objects.equals(home, copy) || ("DISABLED".equals(home) && "SLAVESIDE_DISABLED".equals(copy));
        if (!ok) {
            out.add(key + ": " + copy + " at the copy, home " + home + "; expected SLAVESIDE_DISABLED (DISABLE ON"
                    + " SLAVE) for an event enabled at the home: enabled at the copy it would run there as well");
        }
    }

    private static String rowDetail(String key, Connection home, Connection copy) throws SQLException {
        boolean history = key.startsWith("history ");
        if (!history && !key.startsWith("rows ")) {
            return "";
        }
        String name = key.substring(key.indexOf(' ') + 1);
        int dot = name.indexOf('.');
        return "\n" + RowDiff.describe(home, copy, name.substring(0, dot), name.substring(dot + 1), history);
    }

    static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "... (" + text.length() + " chars)";
    }
}

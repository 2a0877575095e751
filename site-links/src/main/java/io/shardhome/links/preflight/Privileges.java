package io.shardhome.links.preflight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading privileges out of what MySQL and MariaDB print: {@code SHOW GRANTS} lines and error 1227. Pure. */
final class Privileges {
    private static final Pattern GLOBAL_GRANT =
            Pattern.compile("^GRANT (.+?) ON \\*\\.\\* TO ", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEEDED =
            Pattern.compile("you need \\(at least one of\\) the (.+?) privilege\\(s\\)", Pattern.CASE_INSENSITIVE);

    private Privileges() {}

    /**
     * The privileges granted {@code ON *.*} in {@code SHOW GRANTS} output, upper case. MariaDB lists the
     * grants of the session's roles (nested ones too) and of PUBLIC in the same output; role and proxy
     * lines carry no global privilege and are skipped.
     */
    static Set<String> global(List<String> showGrants) {
        Set<String> privileges = new LinkedHashSet<>();
        for (String line : showGrants) {
            Matcher grant = GLOBAL_GRANT.matcher(line.strip());
            if (grant.find()) {
                for (String privilege : grant.group(1).split(",")) {
                    privileges.add(privilege.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        return privileges;
    }

    /**
     * The privileges error 1227 says are needed, any one of which is enough: {@code [BINLOG REPLAY]} from
     * MariaDB's "you need (at least one of) the BINLOG REPLAY privilege(s)", {@code [SUPER,
     * SYSTEM_VARIABLES_ADMIN, SESSION_VARIABLES_ADMIN]} from MySQL's "the SUPER, SYSTEM_VARIABLES_ADMIN or
     * SESSION_VARIABLES_ADMIN privilege(s)". Empty when the message names none.
     */
    static List<String> neededBy(String accessDeniedMessage) {
        Matcher needed = NEEDED.matcher(accessDeniedMessage);
        if (!needed.find()) {
            return List.of();
        }
        List<String> privileges = new ArrayList<>();
        for (String privilege : needed.group(1).split(",| or ")) {
            if (!privilege.isBlank()) {
                privileges.add(privilege.strip());
            }
        }
        return privileges;
    }

    /**
     * The privilege to grant out of those {@code needed}: the first that is not SUPER (SUPER is deprecated
     * in MySQL and, in MariaDB 11, no longer implies the fine-grained privileges), SUPER only when alone.
     */
    static String toGrant(List<String> needed) {
        return needed.stream()
                .filter(p -> !p.equalsIgnoreCase("SUPER"))
                .findFirst()
                .orElse(needed.isEmpty() ? "" : needed.get(0));
    }

    /** {@code CURRENT_USER()} ({@code link@%}) as GRANT names the account: {@code 'link'@'%'}. */
    static String account(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        String user = at < 0 ? currentUser : currentUser.substring(0, at);
        String host = at < 0 ? "%" : currentUser.substring(at + 1);
        return "'" + user.replace("'", "''") + "'@'" + host.replace("'", "''") + "'";
    }
}

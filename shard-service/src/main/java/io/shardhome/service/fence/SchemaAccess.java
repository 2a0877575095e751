package io.shardhome.service.fence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can change one schema at one master, and through which grant: every account that can log in and is
 * not trusted, with each path to the schema. A path is either closed by revoking database-level grants
 * ({@link #revocations()}) or cannot be closed per schema ({@link #blockers()}, each with its fix).
 * Immutable.
 */
public record SchemaAccess(String schema, List<Path> paths) {
    public SchemaAccess {
        paths = List.copyOf(paths);
    }

    /**
     * One way for one account to change the schema.
     *
     * @param grant what gives it, e.g. {@code role 'writers': database grant INSERT ON `acme`.*}
     * @param closedBy the revocations that close it; empty when it cannot be closed per schema
     * @param fix what an operator should do when it cannot be closed (empty when it can)
     */
    public record Path(Grantee account, String grant, List<String> privileges, List<Revocation> closedBy, String fix) {
        public Path {
            privileges = List.copyOf(privileges);
            closedBy = List.copyOf(closedBy);
        }

        public boolean closable() {
            return fix.isEmpty();
        }
    }

    /** Every database-level grant to revoke so that the closable paths close, without repeats. */
    public List<Revocation> revocations() {
        Set<Revocation> all = new LinkedHashSet<>();
        paths.stream().filter(Path::closable).forEach(p -> all.addAll(p.closedBy()));
        return List.copyOf(all);
    }

    /** The paths no per-schema revoke closes. */
    public List<Path> blockers() {
        return paths.stream().filter(p -> !p.closable()).toList();
    }

    /** The accounts that can change the schema. */
    public List<Grantee> writers() {
        return paths.stream().map(Path::account).distinct().toList();
    }

    public boolean isClosed() {
        return paths.isEmpty();
    }

    /**
     * One line per blocking grant: the grant, the accounts it lets write and the fix, e.g. {@code table grant
     * INSERT ON `acme`.`customers` lets 'app'@'%' write acme; fix: REVOKE ...}.
     */
    public List<String> blockerLines() {
        Map<String, List<String>> accountsByGrant = new LinkedHashMap<>();
        Map<String, String> fixByGrant = new LinkedHashMap<>();
        for (Path p : blockers()) {
            accountsByGrant
                    .computeIfAbsent(p.grant(), g -> new ArrayList<>())
                    .add(p.account().toString());
            fixByGrant.putIfAbsent(p.grant(), p.fix());
        }
        List<String> lines = new ArrayList<>();
        accountsByGrant.forEach((grant, accounts) -> lines.add(
                grant + " lets " + summary(accounts) + " write " + schema + "; fix: " + fixByGrant.get(grant)));
        return lines;
    }

    private static String summary(List<String> accounts) {
        List<String> distinct = accounts.stream().distinct().toList();
        if (distinct.size() <= 5) {
            return String.join(", ", distinct);
        }
        return String.join(", ", distinct.subList(0, 5)) + " and " + (distinct.size() - 5) + " more accounts";
    }
}

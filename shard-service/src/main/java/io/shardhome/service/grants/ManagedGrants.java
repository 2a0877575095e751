package io.shardhome.service.grants;

import io.shardhome.filter.map.Home;
import io.shardhome.service.fence.GrantSql;
import io.shardhome.service.fence.Grantee;
import io.shardhome.service.fence.SchemaPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the managed application accounts may do with a shard at a site: write only at its home ({@code
 * #LOCAL}: at every site), read everywhere; grants name exactly the shard's schema ({@code _} and {@code %}
 * escaped). Pure and thread-safe.
 *
 * @param accounts the managed accounts
 * @param write what they may do at a shard's home
 * @param read what they may do at every site
 */
public record ManagedGrants(List<Grantee> accounts, List<String> write, List<String> read) {
    public ManagedGrants {
        accounts = List.copyOf(accounts);
        write = List.copyOf(write);
        read = List.copyOf(read);
    }

    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    /**
     * The statements that give the accounts what they may do with {@code shard} at {@code site}.
     *
     * @param home the shard's home, or null when the shard was deleted (nobody may write it then)
     */
    public List<String> statements(String shard, Home home, String site) {
        String pattern = SchemaPattern.escape(shard);
        List<String> sql = new ArrayList<>();
        for (Grantee account : accounts) {
            if (home != null && (home.isLocal() || home.isSite(site))) {
                Set<String> all = new LinkedHashSet<>(read);
                all.addAll(write);
                if (!all.isEmpty()) {
                    sql.add(GrantSql.grant(List.copyOf(all), pattern, account));
                }
                continue;
            }
            if (!write.isEmpty()) {
                sql.add(GrantSql.revoke(write, pattern, account));
            }
            if (home != null && !read.isEmpty()) {
                sql.add(GrantSql.grant(read, pattern, account));
            }
        }
        return sql;
    }
}

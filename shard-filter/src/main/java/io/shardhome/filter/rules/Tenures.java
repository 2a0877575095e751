package io.shardhome.filter.rules;

import io.shardhome.filter.map.Home;
import io.shardhome.filter.map.HomeHistory;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.Tenure;
import java.util.ArrayList;
import java.util.List;

/**
 * The home-history part of the rules for one link: in which of the source's tenures a transaction was
 * committed, and which earlier homes the target must have applied first. Pure and thread-safe.
 */
final class Tenures {
    /** {@link #of}: the source was not the shard's home when it committed the transaction. */
    static final int OUTSIDE = HomeHistory.OUTSIDE;
    /** {@link #of}: a {@code #LOCAL} shard. */
    static final int LOCAL = -3;
    /** {@link #of}: older than a truncated history while the source is the home now: apply, waiting for nobody. */
    static final int UNKNOWN_AT_HOME = -4;
    /** {@link #of}: committed in the current home's (open) tenure, or at the home of a never-moved shard. */
    static final int CURRENT = -5;

    private final LinkRoles roles;

    Tenures(LinkRoles roles) {
        this.roles = roles;
    }

    /**
     * Where the source committed {@code tx} in its shard's home history: {@link #CURRENT}, the index of an
     * earlier tenure of the source it belongs to, {@link #OUTSIDE}, {@link #UNKNOWN_AT_HOME} or {@link
     * #LOCAL}. A never-moved shard costs one comparison more than the plain rule; a transaction older than a
     * truncated history is judged by the current home.
     */
    int of(ShardDefinition definition, TransactionHeader tx) {
        Home home = definition.home();
        if (home.isLocal()) {
            return LOCAL;
        }
        boolean atHome = home.isSite(roles.sourceSite());
        HomeHistory history = definition.history();
        if (history.isNone()) {
            return atHome ? CURRENT : OUTSIDE;
        }
        int tenure = history.locate(home, roles.sourceSite(), tx.gtid());
        if (tenure == history.tenures().size() - 1) {
            return CURRENT;
        }
        if (tenure == HomeHistory.UNKNOWN) {
            return atHome ? UNKNOWN_AT_HOME : OUTSIDE;
        }
        return tenure;
    }

    /** The index of the shard's current (open) tenure in its recorded history (-1 when it never moved). */
    static int current(ShardDefinition definition) {
        return definition.history().tenures().size() - 1;
    }

    /**
     * The earlier homes whose pre-fence transactions the target must have before a transaction of tenure
     * {@code tenure}: every tenure before it that ended by a move, except at the source (this link carries
     * them, in order, before this one) and at the target (they are its own writes). Lost ends are not
     * waited for. Every earlier home, not only the last: a home that wrote nothing of the shard passes
     * its predecessors' transactions on to nobody.
     */
    List<Predecessor> predecessors(ShardDefinition definition, int tenure) {
        List<Tenure> recorded = definition.history().tenures();
        List<Predecessor> before = new ArrayList<>();
        for (int i = 0; i < tenure && i < recorded.size(); i++) {
            Tenure t = recorded.get(i);
            if (t.ending() == Tenure.Ending.CLOSED
                    && !t.site().equals(roles.sourceSite())
                    && !t.site().equals(roles.targetSite())) {
                before.add(new Predecessor(t.site(), t.end()));
            }
        }
        return before.isEmpty() ? List.of() : List.copyOf(before);
    }
}

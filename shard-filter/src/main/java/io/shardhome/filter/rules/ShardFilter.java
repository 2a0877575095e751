package io.shardhome.filter.rules;

import io.shardhome.filter.map.Home;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.rules.Decision.Action;
import io.shardhome.filter.rules.Decision.Reason;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shard-filter rules of DESIGN.md as a pure function of a map snapshot, a link's roles, its
 * policies and a transaction header. Never does I/O. Thread-safe: its only mutable state is a
 * lock-free cache of message-less decisions ({@link DecisionCache}), so one instance per link may be
 * shared by its extractor and applier threads. The map is passed per call, so a new map version takes
 * effect at the next transaction.
 *
 * <p>Rule order, extractor side ({@link #extract}): site-local schemas (catalog {@code shardhome},
 * MySQL's system schemas) DROP {@code CATALOG}; a transaction whose origin is not the link's source
 * (applied there by another link) DROP {@code ECHO}, as it is carried from its home by that home's own
 * link; unknown shard: {@code unknownShard} policy; {@code #LOCAL}: DROP {@code LOCAL_SHARD}; a local
 * write on a shard homed at another site: {@code wrongMaster} policy; otherwise APPLY.
 *
 * <p>Applier side ({@link #apply}, enforceHome): site-local DROP {@code CATALOG}; origin not the source
 * DROP {@code ECHO}; unknown shard: {@code unknownShard} policy; {@code #LOCAL} DROP {@code
 * LOCAL_SHARD}; home not the origin DROP {@code NOT_FROM_HOME}; otherwise APPLY {@code HOME_MATCH}.
 * Echoes are judged before the unknown-shard policy: a link never applies, and never stops for, a
 * transaction that it would not carry anyway. That is what keeps A→B→A loops impossible.
 *
 * <p>A wrong-master write passed by {@code warn}/{@code accept} is still never copied: enforceHome
 * drops it ({@code NOT_FROM_HOME}); the policy only decides whether the link stops. {@link #decide}
 * then carries the extractor's warning in the DROP decision's message.
 *
 * <p>"Homed at the source" is judged by the shard's {@link HomeHistory}: a transaction is from its home
 * when the source was the home while it committed it (its GTID lies in one of the source's {@link
 * io.shardhome.filter.map.Tenure tenures}), whatever the home is when the link reads it. So a link that
 * reads the old home's pre-fence transactions after a move still applies them, and a write committed at
 * a site while it was not the home is a wrong-master write even once the shard is homed there again. An
 * APPLY of a moved shard names its {@link Decision#predecessors() predecessors}: the earlier homes whose
 * pre-fence transactions the target must have applied first. A transaction older than a truncated history
 * is judged by the current map, without predecessors.
 *
 * <p>Plain APPLY and DROP decisions carry no message and build no strings; messages are built only
 * for FAIL, WARN and policy drops (see {@link Messages} for their exact wording).
 */
public final class ShardFilter {
    /** The shard of a transaction that touches no user schema or several. */
    public static final String UNKNOWN_SHARD = "#UNKNOWN";
    /** The per-site catalog schema; always local. */
    public static final String CATALOG_SCHEMA = "shardhome";
    /** MySQL's own schemas: site-local like the catalog, never replicated by a link. */
    public static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "information_schema", "performance_schema", "sys");

    private final LinkRoles roles;
    private final FilterPolicies policies;
    private final Tenures tenures;
    private final DecisionCache cache = new DecisionCache();

    public ShardFilter(LinkRoles roles, FilterPolicies policies) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.tenures = new Tenures(roles);
    }

    public LinkRoles roles() {
        return roles;
    }

    public FilterPolicies policies() {
        return policies;
    }

    /** Extractor-side rules (run against the source master's map view): wrong-master detection, #LOCAL, unknown shards. */
    public Decision extract(ShardMap map, TransactionHeader tx) {
        String shard = shardOf(tx.schemas());
        Decision unconditional = siteLocalOrEcho(shard, tx);
        if (unconditional != null) {
            return unconditional;
        }
        int slot = map.slotOf(shard);
        if (slot < 0) {
            return unknownShard(shard, tx);
        }
        ShardDefinition definition = map.definitionAt(slot);
        int tenure = tenures.of(definition, tx);
        return tenure == Tenures.OUTSIDE ? wrongMaster(shard, definition, tx) : judged(map, slot, definition, tenure);
    }

    /** Applier-side rules (enforceHome): apply only shards homed at the origin when they were committed, when the origin is the source. */
    public Decision apply(ShardMap map, TransactionHeader tx) {
        String shard = shardOf(tx.schemas());
        Decision unconditional = siteLocalOrEcho(shard, tx);
        if (unconditional != null) {
            return unconditional;
        }
        int slot = map.slotOf(shard);
        if (slot < 0) {
            return unknownShard(shard, tx);
        }
        ShardDefinition definition = map.definitionAt(slot);
        return judged(map, slot, definition, tenures.of(definition, tx));
    }

    /**
     * Both sides in order: the extractor's verdict if it is not APPLY, else the applier's. When the
     * extractor warned and the applier drops, the drop carries the warning as its message. An unknown
     * shard gets one verdict from the {@code unknownShard} policy, the same on both sides.
     */
    public Decision decide(ShardMap map, TransactionHeader tx) {
        String shard = shardOf(tx.schemas());
        Decision unconditional = siteLocalOrEcho(shard, tx);
        if (unconditional != null) {
            return unconditional;
        }
        int slot = map.slotOf(shard);
        if (slot < 0) {
            return unknownShard(shard, tx);
        }
        ShardDefinition definition = map.definitionAt(slot);
        int tenure = tenures.of(definition, tx);
        if (tenure != Tenures.OUTSIDE) {
            // APPLY HOME_MATCH or DROP LOCAL_SHARD: both sides agree.
            return judged(map, slot, definition, tenure);
        }
        Decision extracted = wrongMaster(shard, definition, tx);
        if (!extracted.isApply()) {
            return extracted;
        }
        // A policy that lets a wrong-master write pass only decides whether the link stops: the
        // applier still drops it, carrying the extractor's warning.
        Decision dropped = judged(map, slot, definition, tenure);
        return extracted.message().isEmpty()
                ? dropped
                : new Decision(dropped.action(), dropped.shard(), dropped.reason(), extracted.message());
    }

    /**
     * The shard of a set of touched schemas: the one user schema, or {@link #UNKNOWN_SHARD} when there
     * are none or several. Site-local schemas (the catalog and {@link #SYSTEM_SCHEMAS}) are not user
     * schemas; a set of only site-local schemas gives {@link #CATALOG_SCHEMA} if it has it, else the
     * alphabetically first system schema.
     */
    public static String shardOf(Set<String> schemas) {
        String user = null;
        String siteLocal = null;
        for (String schema : schemas) {
            if (isSiteLocal(schema)) {
                siteLocal = firstSiteLocal(siteLocal, schema);
            } else if (user == null) {
                user = schema;
            } else {
                return UNKNOWN_SHARD;
            }
        }
        if (user != null) {
            return user;
        }
        return siteLocal != null ? siteLocal : UNKNOWN_SHARD;
    }

    /** True for the catalog schema and MySQL's system schemas: they never leave their site. */
    public static boolean isSiteLocal(String schema) {
        // A string switch compares cached hash codes first: cheap on the hot path where it is false.
        return switch (schema) {
            case CATALOG_SCHEMA, "mysql", "information_schema", "performance_schema", "sys" -> true;
            default -> false;
        };
    }

    private static String firstSiteLocal(String current, String candidate) {
        if (current == null || CATALOG_SCHEMA.equals(candidate)) {
            return candidate;
        }
        return CATALOG_SCHEMA.equals(current) || current.compareTo(candidate) <= 0 ? current : candidate;
    }

    /** The verdicts that need no map: site-local schemas and echoes; null for everything else. */
    private Decision siteLocalOrEcho(String shard, TransactionHeader tx) {
        if (isSiteLocal(shard)) {
            return cache.drop(shard, Reason.CATALOG);
        }
        if (!roles.sourceSite().equals(tx.originSite())) {
            return cache.drop(shard, Reason.ECHO);
        }
        return null;
    }

    /**
     * The message-less verdict for a tenure from {@link Tenures#of} (never a policy's): the verdicts that
     * depend on the shard's definition alone come from the per-slot cache ({@link #plain}); the rare
     * others (an earlier tenure, a write from before the home's current tenure) are made afresh.
     */
    private Decision judged(ShardMap map, int slot, ShardDefinition definition, int tenure) {
        switch (tenure) {
            case Tenures.CURRENT:
                return plain(map, slot, Reason.HOME_MATCH);
            case Tenures.LOCAL:
                return plain(map, slot, Reason.LOCAL_SHARD);
            case Tenures.OUTSIDE:
                return definition.home().isSite(roles.sourceSite())
                        ? new Decision(Action.DROP, definition.shardId(), Reason.NOT_FROM_HOME, "")
                        : plain(map, slot, Reason.NOT_FROM_HOME);
            case Tenures.UNKNOWN_AT_HOME:
                return new Decision(Action.APPLY, definition.shardId(), Reason.HOME_MATCH, "");
            default:
                return new Decision(
                        Action.APPLY,
                        definition.shardId(),
                        Reason.HOME_MATCH,
                        "",
                        tenures.predecessors(definition, tenure));
        }
    }

    /**
     * The message-less decision on a known shard that depends on its definition alone: DROP {@code
     * LOCAL_SHARD} for {@code #LOCAL}, APPLY {@code HOME_MATCH} (with the predecessors of the current
     * tenure) when homed at the source, else DROP {@code NOT_FROM_HOME} (which the extractor turns into its
     * wrong-master policy). Made once per shard and map instance so the hot path allocates nothing. The
     * cached decision is returned without being read: its slot can only hold this verdict, as {@link
     * #judged} asks for no other one on that definition.
     */
    private Decision plain(ShardMap map, int slot, Reason reason) {
        Decision[] decisions = cache.decisionsOn(map);
        Decision decision = decisions[slot];
        if (decision == null) {
            ShardDefinition definition = map.definitionAt(slot);
            Action action = reason == Reason.HOME_MATCH ? Action.APPLY : Action.DROP;
            List<Predecessor> before = reason == Reason.HOME_MATCH
                    ? tenures.predecessors(definition, Tenures.current(definition))
                    : List.of();
            decision = new Decision(action, definition.shardId(), reason, "", before);
            decisions[slot] = decision;
        }
        return decision;
    }

    private Decision unknownShard(String shard, TransactionHeader tx) {
        Policy policy = policies.unknownShard();
        return byPolicy(policy, shard, Reason.UNKNOWN_SHARD, Messages.unknownShard(policy, tx, shard));
    }

    private Decision wrongMaster(String shard, ShardDefinition definition, TransactionHeader tx) {
        Policy policy = policies.wrongMaster();
        Home home = definition.home();
        String message = Messages.wrongMaster(
                policy, tx, shard, roles.sourceSite(), home.value(), home.isSite(roles.sourceSite()));
        return byPolicy(policy, shard, Reason.WRONG_MASTER, message);
    }

    private static Decision byPolicy(Policy policy, String shard, Reason reason, String message) {
        return switch (policy) {
            case ERROR -> new Decision(Action.FAIL, shard, reason, message);
            case WARN -> new Decision(Action.APPLY, shard, Reason.WARNED_BY_POLICY, message);
            case DROP -> new Decision(Action.DROP, shard, reason, message);
            case ACCEPT -> new Decision(Action.APPLY, shard, Reason.ACCEPTED_BY_POLICY, "");
        };
    }

    @Override
    public String toString() {
        return "ShardFilter[" + roles.linkId() + ", unknownShard="
                + policies.unknownShard().text() + ", wrongMaster="
                + policies.wrongMaster().text() + "]";
    }
}

package io.shardhome.filter.rules;

import java.util.List;
import java.util.Objects;

/**
 * The rules' verdict on one transaction. Immutable.
 *
 * @param action APPLY, DROP or FAIL
 * @param shard the shard the transaction was assigned to ({@code #UNKNOWN} when none or several)
 * @param reason why (APPLY has {@link Reason#HOME_MATCH}, {@link Reason#ACCEPTED_BY_POLICY} or
 *     {@link Reason#WARNED_BY_POLICY})
 * @param message for operators; empty for a plain APPLY; for FAIL the exact text users grep for,
 *     e.g. {@code Rejected event from unknown shard: gtid=0-1-42 shard=superior}
 * @param predecessors for an APPLY of a moved shard: the earlier homes (other than the link's source and
 *     target) whose pre-fence transactions the target must have applied first, oldest first; empty for
 *     everything else
 */
public record Decision(Action action, String shard, Reason reason, String message, List<Predecessor> predecessors) {
    public Decision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
    }

    /** A decision that waits for nobody. */
    public Decision(Action action, String shard, Reason reason, String message) {
        this(action, shard, reason, message, List.of());
    }

    public enum Action {
        APPLY,
        DROP,
        FAIL
    }

    public enum Reason {
        HOME_MATCH,
        ACCEPTED_BY_POLICY,
        WARNED_BY_POLICY,
        UNKNOWN_SHARD,
        WRONG_MASTER,
        LOCAL_SHARD,
        CATALOG,
        NOT_FROM_HOME,
        ECHO,
        /** The link leaves the shard out for now (its copy is being re-seeded). */
        EXCLUDED
    }

    public boolean isApply() {
        return action == Action.APPLY;
    }

    /**
     * What an operator should do about this decision, for logs and link status next to {@link
     * #message()}; empty when nothing needs doing.
     */
    public String operatorAdvice() {
        if (action == Action.APPLY && reason != Reason.WARNED_BY_POLICY) {
            return "";
        }
        return switch (reason) {
            case UNKNOWN_SHARD ->
                ShardFilter.UNKNOWN_SHARD.equals(shard)
                        ? "Keep each transaction to one customer schema, or set unknownShardPolicy to warn, drop or"
                                + " accept for this link."
                        : "Define shard '" + shard + "' in the shard map (its home site, or #LOCAL to keep it at"
                                + " its site); a stopped link resumes by itself once the map has it.";
            case WRONG_MASTER ->
                "Send the writes of shard '" + shard + "' to its home master as the shard map"
                        + " says, reconcile the rows written at the wrong site, then restart the link.";
            case WARNED_BY_POLICY -> "Check the warning; the link keeps running because its policy is warn.";
            default -> "";
        };
    }
}

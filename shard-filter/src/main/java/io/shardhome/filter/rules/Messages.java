package io.shardhome.filter.rules;

import java.util.TreeSet;

/**
 * The operator-facing texts of decisions. Built only for policy decisions (FAIL, WARN, policy DROP),
 * never on the plain APPLY/DROP path. Users grep for the FAIL texts, so their wording is fixed:
 *
 * <ul>
 *   <li>{@code Rejected event from unknown shard: gtid=0-1-42 shard=superior}
 *   <li>{@code Rejected wrong-master write: gtid=0-1-42 shard=acme site=nyc home=sjc}
 * </ul>
 *
 * <p>The transaction is named by {@code gtid=<gtid>}; without a GTID by {@code position=<binlog
 * position>}; without either by {@code gtid=none}. Wrong-master texts also append {@code
 * position=<position>} when the transaction has both. A transaction of shard {@code #UNKNOWN} has
 * {@code schemas=[..]} appended: every schema it touches, sorted ({@code []} when none).
 */
final class Messages {
    static final String UNKNOWN_SHARD_PREFIX = "Rejected event from unknown shard: ";
    static final String WRONG_MASTER_PREFIX = "Rejected wrong-master write: ";

    private Messages() {}

    static String unknownShard(Policy policy, TransactionHeader tx, String shard) {
        String detail = reference(tx) + " shard=" + shard + schemasIfUnknown(tx, shard);
        return switch (policy) {
            case ERROR -> UNKNOWN_SHARD_PREFIX + detail;
            case WARN -> "Warning: event from unknown shard (unknownShardPolicy=warn): " + detail;
            case DROP -> "Dropped event from unknown shard (unknownShardPolicy=drop): " + detail;
            case ACCEPT -> "";
        };
    }

    /**
     * @param beforeItsTenure the site is the home now, but the transaction was committed before its
     *     current tenure (while another site was the home); the text says so after the fixed part
     */
    static String wrongMaster(
            Policy policy, TransactionHeader tx, String shard, String site, String home, boolean beforeItsTenure) {
        String detail = reference(tx) + " shard=" + shard + " site=" + site + " home=" + home + extraPosition(tx)
                + (beforeItsTenure ? " (committed at " + site + " while another site was the home)" : "");
        return switch (policy) {
            case ERROR -> WRONG_MASTER_PREFIX + detail;
            case WARN -> "Warning: wrong-master write (wrongMasterPolicy=warn): " + detail;
            case DROP -> "Dropped wrong-master write (wrongMasterPolicy=drop): " + detail;
            case ACCEPT -> "";
        };
    }

    private static String reference(TransactionHeader tx) {
        if (tx.gtid() != null) {
            return "gtid=" + tx.gtid();
        }
        if (!tx.position().isEmpty()) {
            return "position=" + tx.position();
        }
        return "gtid=none";
    }

    private static String extraPosition(TransactionHeader tx) {
        return tx.gtid() != null && !tx.position().isEmpty() ? " position=" + tx.position() : "";
    }

    private static String schemasIfUnknown(TransactionHeader tx, String shard) {
        if (!ShardFilter.UNKNOWN_SHARD.equals(shard)) {
            return "";
        }
        return " schemas=" + new TreeSet<>(tx.schemas());
    }
}

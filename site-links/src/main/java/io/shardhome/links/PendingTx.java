package io.shardhome.links;

import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.target.LinkPosition;
import io.shardhome.links.target.TargetApplier;
import java.util.List;
import java.util.function.Consumer;

/**
 * A transaction handed to an applier, with the position after it. {@link #applyRows} commits a run of them
 * at once and, when that fails for a reason that is not transient, again one by one, so that the error
 * names the very transaction (GTID, shard, tables) and everything before it is applied.
 */
record PendingTx(SourceTransaction tx, String shard, LinkPosition next) {
    /**
     * Applies {@code items} (row transactions, one format description) at {@code applier}; {@code applied}
     * is told about each item once committed, in order.
     *
     * @throws LinkException for the first transaction that cannot be applied, naming it
     */
    static void applyRows(
            TargetApplier applier, List<PendingTx> items, List<String> others, Consumer<List<PendingTx>> applied) {
        try {
            applier.applyRows(
                    items.stream().map(PendingTx::tx).toList(),
                    items.get(items.size() - 1).next(),
                    others);
            applied.accept(items);
            return;
        } catch (LinkException e) {
            if (e.code().isTransient() || items.size() == 1) {
                throw items.size() == 1 ? items.get(0).named(e) : e;
            }
        }
        for (PendingTx item : items) {
            try {
                applier.applyRows(List.of(item.tx()), item.next(), others);
            } catch (LinkException e) {
                throw item.named(e);
            }
            applied.accept(List.of(item));
        }
    }

    /** {@code e} naming this transaction. */
    LinkException named(LinkException e) {
        return e.code().isTransient()
                ? e.at(tx.gtid().toString(), shard)
                : e.at(tx.gtid().toString(), shard).with(TransactionSummary.of(tx));
    }

    static void closeAll(List<PendingTx> items) {
        items.forEach(item -> item.tx().close());
    }
}

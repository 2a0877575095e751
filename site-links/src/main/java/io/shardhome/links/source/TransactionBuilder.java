package io.shardhome.links.source;

import io.shardhome.filter.gtid.Gtid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A transaction being assembled: what {@link TransactionAssembler} gathered since its GTID event. */
final class TransactionBuilder {
    final Gtid gtid;
    final long serverId;
    final byte[] format;
    final long commitMillis;
    final List<TxStep> steps = new ArrayList<>();
    final Set<String> schemas = new TreeSet<>();
    final Map<String, Integer> rowEvents = new TreeMap<>();
    final Map<String, Long> columns = new TreeMap<>();
    boolean rowTransaction;
    boolean touchesPositions;
    boolean skipping;

    TransactionBuilder(Gtid gtid, long serverId, byte[] format, long commitMillis, boolean rowTransaction) {
        this.gtid = gtid;
        this.serverId = serverId;
        this.format = format;
        this.commitMillis = commitMillis;
        this.rowTransaction = rowTransaction;
    }

    EventBuffer rows() {
        if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof TxStep.Rows rows) {
            return rows.events();
        }
        TxStep.Rows rows = new TxStep.Rows(new EventBuffer());
        steps.add(rows);
        return rows.events();
    }

    void close() {
        steps.forEach(s -> {
            if (s instanceof TxStep.Rows rows) {
                rows.events().close();
            }
        });
    }
}

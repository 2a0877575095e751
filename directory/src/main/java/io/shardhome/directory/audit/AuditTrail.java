package io.shardhome.directory.audit;

import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.zk.Json;
import io.shardhome.directory.zk.ZkCalls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * The bounded audit trail: records are persistent sequential znodes written in the same transaction as
 * the change they describe; the oldest beyond {@code maxRecords} are deleted after each change.
 * Thread-safe.
 */
public final class AuditTrail {
    private final CuratorFramework client;
    private final DirectoryLayout layout;
    private final int maxRecords;

    public AuditTrail(CuratorFramework client, DirectoryLayout layout, int maxRecords) {
        this.client = client;
        this.layout = layout;
        this.maxRecords = Math.max(1, maxRecords);
    }

    /** The newest {@code limit} records, newest first. */
    public List<AuditRecord> newestFirst(int limit) {
        List<String> names = sortedNames();
        List<AuditRecord> records = new ArrayList<>();
        for (int i = names.size() - 1; i >= 0 && records.size() < limit; i--) {
            String path = layout.audit() + "/" + names.get(i);
            byte[] data = ZkCalls.call("reading audit record " + path, () -> {
                try {
                    return client.getData().forPath(path);
                } catch (KeeperException.NoNodeException trimmedMeanwhile) {
                    return null;
                }
            });
            if (data != null) {
                records.add(Json.read(data, AuditRecord.class, path));
            }
        }
        return records;
    }

    /** Deletes the oldest records beyond the bound. Safe to run concurrently from several writers. */
    /** Appends a record of an action outside a map change (see {@code DirectoryStore.recordAction}). */
    public void append(AuditRecord record) {
        ZkCalls.call("recording " + record.action() + " in the audit trail", () -> client.create()
                .withMode(org.apache.zookeeper.CreateMode.PERSISTENT_SEQUENTIAL)
                .forPath(layout.auditPrefix(), Json.write(record)));
        trim();
    }

    public void trim() {
        List<String> names = sortedNames();
        for (int i = 0; i < names.size() - maxRecords; i++) {
            String path = layout.audit() + "/" + names.get(i);
            ZkCalls.call("trimming audit record " + path, () -> {
                try {
                    client.delete().forPath(path);
                } catch (KeeperException.NoNodeException alreadyTrimmedByAnotherWriter) {
                    // another writer trimmed it first: the bound holds either way
                }
                return null;
            });
        }
    }

    private List<String> sortedNames() {
        List<String> names = new ArrayList<>(ZkCalls.call(
                "listing the audit trail", () -> client.getChildren().forPath(layout.audit())));
        names.sort(Comparator.naturalOrder());
        return names;
    }
}

package io.shardhome.service.jobs;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.blob.JobRecordStore;
import io.shardhome.directory.blob.VersionedBlob;
import io.shardhome.directory.zk.Json;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Typed job records (checks, re-seeds) in the directory: created once, then changed only by compare-and-set
 * retried on conflicts (several instances may write parts of one record). Thread-safe.
 *
 * @param <T> the record type (a JSON-mappable record)
 */
public final class JobRecords<T> {
    private static final int ATTEMPTS = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JobRecordStore store;
    private final Class<T> type;
    private final String kind;

    public JobRecords(DirectoryAccess directory, String kind, Class<T> type) {
        this.store = new JobRecordStore(directory.client(), directory.layout(), kind);
        this.type = type;
        this.kind = kind;
    }

    /** A new id that sorts after every earlier one: {@code prefix-<time base36>-<random>}. */
    public static String newId(String prefix) {
        String time = Long.toString(System.currentTimeMillis(), 36);
        return prefix + "-" + "0".repeat(Math.max(0, 9 - time.length())) + time + "-"
                + Integer.toString(RANDOM.nextInt(36 * 36 * 36), 36);
    }

    public void create(String id, T record) {
        call("creating", id, () -> store.write(id, record, VersionedBlob.ABSENT));
    }

    public Optional<T> read(String id) {
        if (!id.matches("[A-Za-z0-9_.-]{1,128}")) {
            return Optional.empty();
        }
        return call("reading", id, () -> store.read(id, type));
    }

    /**
     * Applies {@code change} to the current record and writes it by compare-and-set, re-reading and retrying
     * on a conflict. {@code change} returns null to leave the record as it is.
     *
     * @return the record as written (or as read, when unchanged); empty when there is no such record
     */
    public Optional<T> update(String id, UnaryOperator<T> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<VersionedBlob> blob = call("reading", id, () -> store.read(id));
            if (blob.isEmpty()) {
                return Optional.empty();
            }
            T current = Json.read(blob.get().data(), type, kind + " record " + id);
            T next = change.apply(current);
            if (next == null) {
                return Optional.of(current);
            }
            try {
                store.write(id, next, blob.get().version());
                return Optional.of(next);
            } catch (DirectoryException e) {
                if (e.code() != DirectoryException.Code.CONFLICT) {
                    throw failed("writing", id, e);
                }
            }
        }
        throw new ServiceException(
                Code.DIRECTORY_UNAVAILABLE,
                kind + " record " + id + " kept changing under " + ATTEMPTS + " writes in a row; retry");
    }

    /** Every record, newest first. */
    public List<T> list() {
        List<String> ids = new ArrayList<>(call("listing", "", store::ids));
        ids.sort(java.util.Comparator.reverseOrder());
        List<T> records = new ArrayList<>();
        for (String id : ids) {
            read(id).ifPresent(records::add);
        }
        return records;
    }

    /** Record ids, newest first. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(call("listing", "", store::ids));
        ids.sort(java.util.Comparator.reverseOrder());
        return ids;
    }

    /** Deletes ended records beyond the newest {@code keep} (history stays bounded). */
    public void prune(int keep, Predicate<T> ended) {
        List<String> ids = ids();
        for (String id : ids.subList(Math.min(keep, ids.size()), ids.size())) {
            Optional<VersionedBlob> blob = call("reading", id, () -> store.read(id));
            if (blob.isPresent() && ended.test(Json.read(blob.get().data(), type, kind + " record " + id))) {
                try {
                    store.delete(id, blob.get().version());
                } catch (DirectoryException e) {
                    // changed meanwhile: it is pruned next time
                }
            }
        }
    }

    private <R> R call(String what, String id, java.util.function.Supplier<R> action) {
        try {
            return action.get();
        } catch (DirectoryException e) {
            throw failed(what, id, e);
        }
    }

    private ServiceException failed(String what, String id, DirectoryException e) {
        return new ServiceException(
                Code.DIRECTORY_UNAVAILABLE,
                what + " " + kind + " record " + id + " failed: " + e.getMessage(),
                Map.of(),
                e);
    }
}

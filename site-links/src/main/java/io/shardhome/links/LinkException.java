package io.shardhome.links;

import java.util.Objects;

/**
 * The one unchecked exception of the site-links module. Its {@link #code()} is stable (programs and
 * operators grep it) and says whether the link retries by itself ({@link Code#isTransient()}); the
 * message says what happened and what the operator should do.
 */
public class LinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable error codes of a link. Transient ones are retried with backoff; the others stop the link. */
    public enum Code {
        /** The source master cannot be reached or dropped the binlog stream (retried). */
        SOURCE_UNAVAILABLE(true),
        /** The target master cannot be reached or dropped the connection (retried). */
        TARGET_UNAVAILABLE(true),
        /** A deadlock or lock wait timeout at the target (retried). */
        TARGET_BUSY(true),
        /** The source no longer has the binlog the link needs (purged). */
        BINLOG_PURGED(false),
        /** The shard-filter rules rejected a transaction (unknown shard, wrong-master write). */
        RULE_REJECTED(false),
        /** The target's tables do not match the source's (missing schema, table or column). */
        SCHEMA_MISMATCH(false),
        /** A row to update or delete is missing at the target: the copy has diverged from its home. */
        DATA_DIVERGED(false),
        /** The target refused a statement for another reason. */
        APPLY_FAILED(false),
        /** A binlog event could not be read or lacks what the link needs. */
        EVENT_UNREADABLE(false),
        /** DML logged as a statement (MIXED or STATEMENT binlog format, or a session override). */
        STATEMENT_LOGGED(false),
        /** A transaction a link cannot replay faithfully (XA, unknown events or statements, ...). */
        UNSUPPORTED_EVENT(false),
        /** The catalog schema could not be created or migrated. */
        CATALOG_FAILED(false),
        /** The link was configured or used wrongly. */
        INVALID_USE(false),
        /**
         * The source or target master does not meet a link's requirements (binlog format, server ids, the
         * account's privileges, ...): {@link io.shardhome.links.preflight.LinkPreflight} names each variable or
         * privilege, its value, the value needed and the statement or my.cnf line that fixes it.
         */
        PREFLIGHT_FAILED(false),
        /**
         * The link's apply channel count changed after it stopped without finishing its channels (their
         * stored positions differ): it must run once more with the old count and stop gracefully.
         */
        CHANNEL_COUNT_CHANGED(false),
        /**
         * Another instance holds the link now (a later holder epoch at the target): this one must stop, and
         * nothing it had not committed is applied.
         */
        SUPERSEDED(false);

        private final boolean isTransient;

        Code(boolean isTransient) {
            this.isTransient = isTransient;
        }

        public boolean isTransient() {
            return isTransient;
        }
    }

    private final Code code;
    private final String gtid;
    private final String shard;
    private final transient TransactionSummary transaction;

    public LinkException(Code code, String message) {
        this(code, message, "", "", null);
    }

    public LinkException(Code code, String message, Throwable cause) {
        this(code, message, "", "", cause);
    }

    public LinkException(Code code, String message, String gtid, String shard, Throwable cause) {
        this(code, message, gtid, shard, cause, null);
    }

    private LinkException(
            Code code, String message, String gtid, String shard, Throwable cause, TransactionSummary transaction) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.gtid = gtid == null ? "" : gtid;
        this.shard = shard == null ? "" : shard;
        this.transaction = transaction;
    }

    public Code code() {
        return code;
    }

    /** The GTID of the transaction concerned, or empty. */
    public String gtid() {
        return gtid;
    }

    /** The shard of the transaction concerned, or empty. */
    public String shard() {
        return shard;
    }

    /** The transaction the link stopped at, when it was read whole. */
    public java.util.Optional<TransactionSummary> transaction() {
        return java.util.Optional.ofNullable(transaction);
    }

    /** The same error naming the transaction it happened in (when not already named). */
    public LinkException at(String txGtid, String txShard) {
        if (!gtid.isEmpty()) {
            return this;
        }
        return new LinkException(code, getMessage(), txGtid, txShard, getCause(), transaction);
    }

    /** The same error with what the transaction it happened in holds (when not already known). */
    LinkException with(TransactionSummary summary) {
        if (transaction != null) {
            return this;
        }
        return new LinkException(code, getMessage(), gtid, shard, getCause(), summary);
    }
}

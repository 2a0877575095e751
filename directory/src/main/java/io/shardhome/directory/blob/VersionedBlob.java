package io.shardhome.directory.blob;

/**
 * A stored blob and its znode version (pass it to the next compare-and-set). Immutable; the array is
 * the caller's to keep, not copied again.
 *
 * @param data the stored bytes (typically UTF-8 JSON)
 * @param version the znode version, -1 when the blob does not exist
 */
public record VersionedBlob(byte[] data, int version) {
    /** Version to pass when the blob must not exist yet. */
    public static final int ABSENT = -1;
}

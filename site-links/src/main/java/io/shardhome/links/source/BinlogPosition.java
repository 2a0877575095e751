package io.shardhome.links.source;

import java.util.Objects;

/** A binlog file name and byte offset. Immutable. */
public record BinlogPosition(String file, long position) {
    public static final BinlogPosition NONE = new BinlogPosition("", 0);

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file.isEmpty() ? "" : file + ":" + position;
    }
}

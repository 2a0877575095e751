package io.shardhome.service.web;

import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may be at most {@code max} bytes long: reading past the limit fails with {@code
 * PAYLOAD_TOO_LARGE} (413) instead of buffering whatever a client sends. Not thread-safe.
 */
public final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private long read;

    public BoundedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, max - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > max) {
            throw new ServiceException(
                    Code.PAYLOAD_TOO_LARGE,
                    "the request body is more than " + max + " bytes, the configured limit"
                            + " (shardhome.shard-map-import.max-bytes); split it or raise the limit");
        }
    }
}

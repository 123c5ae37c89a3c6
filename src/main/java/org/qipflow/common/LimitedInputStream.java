package org.qipflow.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading a request body past a size limit, so an upload cannot exhaust the server. */
public class LimitedInputStream extends FilterInputStream {

    /** Thrown when the body is larger than allowed; the message says the limit. */
    public static class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("the file is larger than " + limit / (1024 * 1024) + " MB; split it into smaller files");
        }
    }

    private final long limit;
    private long read;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
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
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > limit) {
            throw new TooLargeException(limit);
        }
    }
}

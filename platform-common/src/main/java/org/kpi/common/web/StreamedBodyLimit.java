package org.kpi.common.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.kpi.common.PlatformConfig;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The JSON limit for bodies whose length is not declared ({@code Transfer-Encoding: chunked}):
 * {@link BodySizeLimit} refuses a declared {@code Content-Length} before anything is read; this
 * counts the bytes as a body is read and stops with a 413 problem once they pass the limit.
 * Uploads (multipart, binary) are bounded by the larger HTTP limit instead.
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {

    @Inject
    PlatformConfig config;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!BodySizeLimit.isUpload(context.getMediaType())) {
            context.setInputStream(new LimitedInputStream(context.getInputStream(), config.maxJsonBytes()));
        }
        return context.proceed();
    }

    /** Thrown when a body passes the limit while it is read; mapped to a 413 problem. */
    public static final class BodyTooLargeException extends IOException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes", null);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** Counts what passes through and fails once more than {@code limit} bytes have. */
    static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}

package dev.meshwalk.localcloud.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads request bodies with a size bound, inflating {@code Content-Encoding: gzip} (the SDK compresses
 * PutMetricData bodies of 10 KiB and more). The bound applies to the inflated size as well, so a small
 * gzip bomb cannot exhaust memory.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    static byte[] read(InputStream raw, String contentEncoding, int limit) {
        try (InputStream in = raw) {
            byte[] bytes = readBounded(in, limit, "request body");
            if (contentEncoding != null && isGzip(contentEncoding)) {
                try (GZIPInputStream gzip = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    return readBounded(gzip, limit, "decompressed request body");
                } catch (ZipException | java.io.EOFException e) {
                    throw new WireFault(WireFault.Kind.MALFORMED,
                            "The body is marked Content-Encoding: gzip but is not valid gzip data (" + e.getMessage() + ")", e);
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new WireFault(WireFault.Kind.MALFORMED, "The request body could not be read: " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(String contentEncoding) {
        for (String coding : contentEncoding.toLowerCase(Locale.ROOT).split(",")) {
            if (coding.trim().equals("gzip")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readBounded(InputStream in, int limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                drain(in);
                throw new WireFault(WireFault.Kind.TOO_LARGE,
                        "The " + what + " is larger than this local cloud accepts (" + limit + " bytes)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads and drops the rest, so the connection stays usable for the error answer. */
    private static void drain(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the connection is closing anyway; the error answer is still attempted
        }
    }
}

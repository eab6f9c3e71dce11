package dev.meshwalk.localcloud.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

/**
 * Writes an output tree as JSON or CBOR through Jackson's streaming generators.
 *
 * <p>Timestamps become epoch seconds (whole, or with milliseconds); in CBOR they carry tag 1 as RPCv2
 * requires. Doubles with an integral value are written as integers, which every AWS client accepts for
 * double members and which keeps integer members right when a service hands over a double. Null members
 * are left out. CBOR maps and arrays are definite-length ({@code a0} for an empty output).
 */
final class TreeWriter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final CBORFactory CBOR = new CBORFactory();

    private TreeWriter() {
    }

    static byte[] json(Object tree) {
        return write(JSON, tree);
    }

    static byte[] cbor(Object tree) {
        return write(CBOR, tree);
    }

    private static byte[] write(JsonFactory factory, Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = factory.createGenerator(out)) {
            value(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject(map, (int) map.values().stream().filter(x -> x != null).count());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(g, e.getValue());
                }
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray(list, (int) list.stream().filter(x -> x != null).count());
            for (Object item : list) {
                if (item != null) {
                    value(g, item);
                }
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Instant instant) {
            if (g instanceof CBORGenerator cbor) {
                cbor.writeTag(1);
            }
            number(g, WireValues.epochSeconds(instant));
        } else if (v instanceof Number n) {
            number(g, n);
        } else if (v instanceof byte[] bytes) {
            g.writeBinary(bytes);
        } else {
            g.writeString(v.toString());
        }
    }

    private static void number(JsonGenerator g, Number n) throws IOException {
        if (n instanceof BigInteger big) {
            g.writeNumber(big);
        } else if (WireValues.isIntegral(n)) {
            g.writeNumber(n.longValue());
        } else if (n instanceof BigDecimal dec) {
            g.writeNumber(dec);
        } else {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                g.writeNumber((long) d);
            } else {
                g.writeNumber(d);
            }
        }
    }

    /** The tree as compact JSON text, for error bodies and logs. */
    static String jsonText(Object tree) {
        return new String(json(tree), java.nio.charset.StandardCharsets.UTF_8);
    }
}

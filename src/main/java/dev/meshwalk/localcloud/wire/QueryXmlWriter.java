package dev.meshwalk.localcloud.wire;

import dev.meshwalk.localcloud.service.AwsMap;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the XML answers of awsQuery and of its older sibling, the ec2 protocol, with StAX, which escapes all
 * text ({@code TemplateBody}, {@code DashboardBody} and {@code OutputValue} routinely contain {@code &}, {@code <}
 * and {@code >}).
 *
 * <p>awsQuery: {@code <OpResponse xmlns><OpResult>members</OpResult><ResponseMetadata><RequestId/>}; the SDK
 * needs the {@code Result} wrapper, botocore needs it even when empty, and operations whose model has no
 * output shape send only the metadata. Lists are {@code <member>} elements. ec2: {@code <requestId>} first, then
 * the members under their location names, list items as {@code <item>}. Null members are left out in both.
 */
final class QueryXmlWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** How a protocol names list items and members in its answers. */
    private record Names(String listItem, UnaryOperator<String> member) {
    }

    private static final Names QUERY = new Names("member", UnaryOperator.identity());

    private QueryXmlWriter() {
    }

    static byte[] success(String operation, String namespace, boolean withResult, Map<?, ?> output,
                          String requestId) {
        return write(w -> {
            startRoot(w, operation + "Response", namespace);
            if (withResult && output.isEmpty()) {
                w.writeEmptyElement(operation + "Result");
            } else if (withResult || !output.isEmpty()) {
                w.writeStartElement(operation + "Result");
                writeMembers(w, output, QUERY);
                w.writeEndElement();
            }
            w.writeStartElement("ResponseMetadata");
            element(w, "RequestId", requestId);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    static byte[] error(String namespace, String type, String code, String message, String requestId) {
        return write(w -> {
            startRoot(w, "ErrorResponse", namespace);
            w.writeStartElement("Error");
            element(w, "Type", type);
            element(w, "Code", code);
            element(w, "Message", message == null ? "" : message);
            w.writeEndElement();
            element(w, "RequestId", requestId);
            w.writeEndElement();
        });
    }

    /** An ec2 protocol answer; {@code locationName} gives a member's element name ({@code Tags} is {@code tagSet}). */
    static byte[] ec2Success(String operation, String namespace, Map<?, ?> output, String requestId,
            UnaryOperator<String> locationName) {
        return writeDocument(w -> {
            startRoot(w, operation + "Response", namespace);
            element(w, "requestId", requestId);
            writeMembers(w, output, new Names("item", locationName));
            w.writeEndElement();
        });
    }

    static byte[] ec2Error(String code, String message, String requestId) {
        return writeDocument(w -> {
            w.writeStartElement("Response");
            w.writeStartElement("Errors");
            w.writeStartElement("Error");
            element(w, "Code", code);
            element(w, "Message", message == null ? "" : message);
            w.writeEndElement();
            w.writeEndElement();
            element(w, "RequestID", requestId);
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        return write(false, body);
    }

    /** With the XML declaration, which the ec2 protocol's answers start with. */
    private static byte[] writeDocument(Body body) {
        return write(true, body);
    }

    private static byte[] write(boolean declaration, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            if (declaration) {
                w.writeStartDocument("UTF-8", "1.0");
            }
            body.write(w);
            if (declaration) {
                w.writeEndDocument();
            }
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write an XML answer: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void startRoot(XMLStreamWriter w, String name, String namespace) throws XMLStreamException {
        w.writeStartElement(name);
        if (namespace != null) {
            w.writeDefaultNamespace(namespace);
        }
    }

    private static void writeMembers(XMLStreamWriter w, Map<?, ?> members, Names names) throws XMLStreamException {
        for (Map.Entry<?, ?> e : members.entrySet()) {
            if (e.getValue() != null) {
                writeValue(w, names.member().apply(String.valueOf(e.getKey())), e.getValue(), names);
            }
        }
    }

    private static void writeValue(XMLStreamWriter w, String name, Object value, Names names) throws XMLStreamException {
        if (value instanceof AwsMap map) {
            w.writeStartElement(name);
            for (Map.Entry<String, Object> e : map.entrySet()) {
                if (e.getValue() != null) {
                    w.writeStartElement("entry");
                    element(w, "key", e.getKey());
                    writeValue(w, "value", e.getValue(), names);
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        } else if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                w.writeEmptyElement(name);
                return;
            }
            w.writeStartElement(name);
            writeMembers(w, m, names);
            w.writeEndElement();
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                w.writeEmptyElement(name);
                return;
            }
            w.writeStartElement(name);
            for (Object item : list) {
                if (item != null) {
                    writeValue(w, names.listItem(), item, names);
                }
            }
            w.writeEndElement();
        } else {
            element(w, name, WireValues.text(value));
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(xmlSafe(text));
        w.writeEndElement();
    }

    /**
     * XML 1.0 cannot carry most control characters even escaped; a template or dashboard body holding one
     * would make the whole answer unparseable, so each is replaced by U+FFFD.
     */
    static String xmlSafe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }
}

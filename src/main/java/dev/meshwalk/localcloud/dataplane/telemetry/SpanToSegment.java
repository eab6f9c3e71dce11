package dev.meshwalk.localcloud.dataplane.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one OTLP span into one X-Ray document, by the rules of the AWS X-Ray exporter that the
 * CloudWatch agent and the ADOT collector run:
 * <ul>
 *   <li>A server span, or any span without a parent, becomes a <b>segment</b> named after the resource's
 *       {@code service.name} (the apps set it from {@code XRAY_APP_NAME}), with {@code origin} from
 *       {@code cloud.platform} (and for ECS {@code aws.ecs.launchtype}) when the resource says where it runs, and
 *       the {@code aws} block ({@code account_id}, {@code ecs}, {@code ec2}) from the resource's attributes.</li>
 *   <li>Every other span becomes a <b>subsegment sent on its own</b> ({@code type: subsegment},
 *       {@code parent_id} = the parent span id); X-Ray folds it into its segment. Client and producer
 *       spans get {@code namespace: remote} (or {@code aws} for AWS SDK calls) and are named after the
 *       peer ({@code peer.service}, {@code server.address}, the URL's host), internal spans after the span.</li>
 *   <li>Trace id {@code 1-<first 8 hex>-<other 24 hex>}; span id = segment id.</li>
 *   <li>The {@code http} block comes from the HTTP semantic conventions (current {@code http.request.method},
 *       {@code url.full}, {@code http.response.status_code}, ... and their older names); status 4xx sets
 *       {@code error}, 429 also {@code throttle}, 5xx {@code fault}; an ERROR span status without an HTTP
 *       status sets {@code fault}.</li>
 * </ul>
 */
final class SpanToSegment {

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\p{L}\\p{N}\\p{Zs}_.:/%&#=+\\\\\\-@]");
    /** The ASCII punctuation {@link #NOT_ALLOWED} lets through. */
    private static final String ASCII_PUNCTUATION = "_.:/%&#=+\\-@";

    private final JsonFactory json = new JsonFactory();
    private final String fallbackServiceName;

    /** @param fallbackServiceName name for segments whose resource has no usable {@code service.name} */
    SpanToSegment(String fallbackServiceName) {
        this.fallbackServiceName = fallbackServiceName == null ? "unknown_service" : fallbackServiceName;
    }

    /**
     * The document as JSON text. Written field by field with a streaming generator (no tree in between: at
     * intake rates the tree's maps were a large share of the cost); the text is the same the tree gave,
     * member order included.
     */
    String translate(OtlpSpan span) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator out = json.createGenerator(text)) {
            write(span, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    private void write(OtlpSpan span, JsonGenerator out) throws IOException {
        boolean segment = span.kind() == OtlpSpan.KIND_SERVER || span.parentSpanId() == null;
        out.writeStartObject();
        out.writeStringField("name", sanitize(segment ? serviceName(span) : subsegmentName(span)));
        out.writeStringField("id", span.spanId());
        out.writeStringField("trace_id", "1-" + span.traceId().substring(0, 8) + "-" + span.traceId().substring(8));
        if (span.parentSpanId() != null) {
            out.writeStringField("parent_id", span.parentSpanId());
        }
        out.writeNumberField("start_time", span.startNanos() / 1e9);
        out.writeNumberField("end_time", Math.max(span.endNanos(), span.startNanos()) / 1e9);
        if (!segment) {
            out.writeStringField("type", "subsegment");
            String namespace = namespace(span);
            if (namespace != null) {
                out.writeStringField("namespace", namespace);
            }
        } else {
            String origin = origin(span.resource());
            if (origin != null) {
                out.writeStringField("origin", origin);
            }
            out.writeObjectFieldStart("aws");
            resourceMetadata(span.resource(), out);
            out.writeObjectFieldStart("xray");
            out.writeStringField("sdk", "opentelemetry for " + text(span.resource(), "telemetry.sdk.language", "unknown"));
            out.writeStringField("sdk_version", text(span.resource(), "telemetry.sdk.version", ""));
            out.writeEndObject();
            out.writeEndObject();
        }
        Long status = number(span.attributes(), "http.response.status_code", "http.status_code");
        String method = text(span.attributes(), "http.request.method", text(span.attributes(), "http.method", null));
        if (method != null || status != null) {
            out.writeObjectFieldStart("http");
            out.writeObjectFieldStart("request");
            if (method != null) {
                out.writeStringField("method", method);
            }
            String url = url(span);
            if (url != null) {
                out.writeStringField("url", url);
            }
            String agent = text(span.attributes(), "user_agent.original", text(span.attributes(), "http.user_agent", null));
            if (agent != null) {
                out.writeStringField("user_agent", agent);
            }
            String clientIp = text(span.attributes(), "client.address", text(span.attributes(), "http.client_ip", null));
            if (segment && clientIp != null) {
                out.writeStringField("client_ip", clientIp);
            }
            out.writeEndObject();
            if (status != null) {
                out.writeObjectFieldStart("response");
                out.writeNumberField("status", status);
                Long length = number(span.attributes(), "http.response.body.size", "http.response_content_length");
                if (length != null) {
                    out.writeNumberField("content_length", length);
                }
                out.writeEndObject();
            }
            out.writeEndObject();
        }
        if (status != null && status >= 400 && status <= 499) {
            out.writeBooleanField("error", true);
            if (status == 429) {
                out.writeBooleanField("throttle", true);
            }
        } else if (status != null && status >= 500 && status <= 599) {
            out.writeBooleanField("fault", true);
        } else if (status == null && span.statusCode() == OtlpSpan.STATUS_ERROR) {
            out.writeBooleanField("fault", true);
        }
        out.writeEndObject();
    }

    private String serviceName(OtlpSpan span) {
        String name = text(span.resource(), "service.name", null);
        return name == null || name.isBlank() || name.startsWith("unknown_service") ? fallbackServiceName : name;
    }

    private static String subsegmentName(OtlpSpan span) {
        if (span.kind() != OtlpSpan.KIND_CLIENT && span.kind() != OtlpSpan.KIND_PRODUCER) {
            return span.name();
        }
        if ("aws-api".equals(span.attributes().get("rpc.system")) && span.attributes().get("rpc.service") != null) {
            return String.valueOf(span.attributes().get("rpc.service"));
        }
        String peer = text(span.attributes(), "peer.service", null);
        if (peer != null) {
            return peer;
        }
        String host = text(span.attributes(), "server.address", text(span.attributes(), "net.peer.name", null));
        if (host != null) {
            return host;
        }
        String url = text(span.attributes(), "url.full", text(span.attributes(), "http.url", null));
        if (url != null) {
            try {
                String h = URI.create(url).getHost();
                if (h != null) {
                    return h;
                }
            } catch (IllegalArgumentException ignored) {
                // fall through to the span name
            }
        }
        return span.name();
    }

    private static String namespace(OtlpSpan span) {
        if (span.kind() != OtlpSpan.KIND_CLIENT && span.kind() != OtlpSpan.KIND_PRODUCER) {
            return null;
        }
        return "aws-api".equals(span.attributes().get("rpc.system")) ? "aws" : "remote";
    }

    private static String url(OtlpSpan span) {
        Map<String, Object> a = span.attributes();
        String full = text(a, "url.full", text(a, "http.url", null));
        if (full != null) {
            return full;
        }
        String host = text(a, "server.address", text(a, "http.host", text(a, "net.host.name", null)));
        String path = text(a, "url.path", null);
        String target = text(a, "http.target", null);
        if (host == null || (path == null && target == null)) {
            return null;
        }
        String scheme = text(a, "url.scheme", text(a, "http.scheme", "http"));
        Long port = number(a, "server.port", "net.host.port");
        String query = text(a, "url.query", null);
        String tail = path != null ? path + (query != null ? "?" + query : "") : target;
        return scheme + "://" + host + (port != null ? ":" + port : "") + tail;
    }

    /**
     * The segment's {@code origin}, which X-Ray shows as the node's type, from the resource as the exporter decides
     * it: nothing when {@code cloud.provider} names another cloud; for ECS the launch type refines it
     * ({@code fargate} -> {@code AWS::ECS::Fargate}, {@code ec2} -> {@code AWS::ECS::EC2}, none or another value ->
     * {@code AWS::ECS::Container}); an unknown or missing {@code cloud.platform} gives none.
     */
    static String origin(Map<String, Object> resource) {
        String provider = text(resource, "cloud.provider", null);
        if (provider != null && !provider.equals("aws")) {
            return null;
        }
        String platform = text(resource, "cloud.platform", "");
        return switch (platform) {
            case "aws_ecs" -> switch (text(resource, "aws.ecs.launchtype", "")) {
                case "fargate" -> "AWS::ECS::Fargate";
                case "ec2" -> "AWS::ECS::EC2";
                default -> "AWS::ECS::Container";
            };
            case "aws_ec2" -> "AWS::EC2::Instance";
            case "aws_eks" -> "AWS::EKS::Container";
            case "aws_elastic_beanstalk" -> "AWS::ElasticBeanstalk::Environment";
            case "aws_app_runner" -> "AWS::AppRunner::Service";
            default -> null;
        };
    }

    /**
     * The segment's {@code aws} metadata from the resource, as the exporter writes it: {@code account_id} from
     * {@code cloud.account.id}; on ECS an {@code ecs} block (container name and id, ARNs, family, zone, launch
     * type); on EC2 an {@code ec2} block. Nothing for a resource of another cloud. Absent values are left out.
     */
    private static void resourceMetadata(Map<String, Object> resource, JsonGenerator aws) throws IOException {
        String provider = text(resource, "cloud.provider", null);
        if (provider != null && !provider.equals("aws")) {
            return;
        }
        putIfPresent(aws, "account_id", text(resource, "cloud.account.id", null));
        String platform = text(resource, "cloud.platform", "");
        if (platform.equals("aws_ecs")) {
            aws.writeObjectFieldStart("ecs");
            putIfPresent(aws, "container", text(resource, "container.name", null));
            putIfPresent(aws, "container_id", text(resource, "container.id", null));
            putIfPresent(aws, "task_arn", text(resource, "aws.ecs.task.arn", null));
            putIfPresent(aws, "task_family", text(resource, "aws.ecs.task.family", null));
            putIfPresent(aws, "cluster_arn", text(resource, "aws.ecs.cluster.arn", null));
            putIfPresent(aws, "container_arn", text(resource, "aws.ecs.container.arn", null));
            putIfPresent(aws, "availability_zone", text(resource, "cloud.availability_zone", null));
            putIfPresent(aws, "launch_type", text(resource, "aws.ecs.launchtype", null));
            aws.writeEndObject();
        }
        String hostId = text(resource, "host.id", null);
        if (platform.equals("aws_ec2") || hostId != null) {
            aws.writeObjectFieldStart("ec2");
            putIfPresent(aws, "instance_id", hostId);
            putIfPresent(aws, "availability_zone", text(resource, "cloud.availability_zone", null));
            putIfPresent(aws, "instance_size", text(resource, "host.type", null));
            putIfPresent(aws, "ami_id", text(resource, "host.image.id", null));
            aws.writeEndObject();
        }
    }

    /** True when every character is an ASCII one the name pattern allows: the common case, without a regex. */
    private static boolean isPlainAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ' ' || ASCII_PUNCTUATION.indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static void putIfPresent(JsonGenerator out, String field, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            out.writeStringField(field, value);
        }
    }

    /** X-Ray names allow letters, digits, spaces and {@code _ . : / % & # = + \ - @}, at most 200 characters. */
    static String sanitize(String name) {
        if (!name.isEmpty() && name.length() <= 200 && isPlainAscii(name)) {
            return name;
        }
        String cleaned = NOT_ALLOWED.matcher(name).replaceAll("_");
        if (cleaned.isEmpty()) {
            cleaned = "unnamed";
        }
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }

    private static String text(Map<String, Object> attributes, String key, String fallback) {
        Object v = attributes.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static Long number(Map<String, Object> attributes, String key, String olderKey) {
        Object v = attributes.containsKey(key) ? attributes.get(key) : attributes.get(olderKey);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}

package dev.meshwalk.localcloud.dataplane.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;

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

    private final ObjectMapper json = new ObjectMapper();
    private final String fallbackServiceName;

    /** @param fallbackServiceName name for segments whose resource has no usable {@code service.name} */
    SpanToSegment(String fallbackServiceName) {
        this.fallbackServiceName = fallbackServiceName == null ? "unknown_service" : fallbackServiceName;
    }

    String translate(OtlpSpan span) {
        boolean segment = span.kind() == OtlpSpan.KIND_SERVER || span.parentSpanId() == null;
        ObjectNode doc = json.createObjectNode();
        doc.put("name", sanitize(segment ? serviceName(span) : subsegmentName(span)));
        doc.put("id", span.spanId());
        doc.put("trace_id", "1-" + span.traceId().substring(0, 8) + "-" + span.traceId().substring(8));
        if (span.parentSpanId() != null) {
            doc.put("parent_id", span.parentSpanId());
        }
        doc.put("start_time", span.startNanos() / 1e9);
        doc.put("end_time", Math.max(span.endNanos(), span.startNanos()) / 1e9);
        if (!segment) {
            doc.put("type", "subsegment");
            String namespace = namespace(span);
            if (namespace != null) {
                doc.put("namespace", namespace);
            }
        } else {
            String origin = origin(span.resource());
            if (origin != null) {
                doc.put("origin", origin);
            }
            ObjectNode aws = doc.putObject("aws");
            resourceMetadata(span.resource(), aws);
            ObjectNode xray = aws.putObject("xray");
            xray.put("sdk", "opentelemetry for " + text(span.resource(), "telemetry.sdk.language", "unknown"));
            xray.put("sdk_version", text(span.resource(), "telemetry.sdk.version", ""));
        }
        Long status = number(span.attributes(), "http.response.status_code", "http.status_code");
        String method = text(span.attributes(), "http.request.method", text(span.attributes(), "http.method", null));
        if (method != null || status != null) {
            ObjectNode http = doc.putObject("http");
            ObjectNode request = http.putObject("request");
            if (method != null) {
                request.put("method", method);
            }
            String url = url(span);
            if (url != null) {
                request.put("url", url);
            }
            String agent = text(span.attributes(), "user_agent.original", text(span.attributes(), "http.user_agent", null));
            if (agent != null) {
                request.put("user_agent", agent);
            }
            String clientIp = text(span.attributes(), "client.address", text(span.attributes(), "http.client_ip", null));
            if (segment && clientIp != null) {
                request.put("client_ip", clientIp);
            }
            if (status != null) {
                ObjectNode response = http.putObject("response");
                response.put("status", status);
                Long length = number(span.attributes(), "http.response.body.size", "http.response_content_length");
                if (length != null) {
                    response.put("content_length", length);
                }
            }
        }
        if (status != null && status >= 400 && status <= 499) {
            doc.put("error", true);
            if (status == 429) {
                doc.put("throttle", true);
            }
        } else if (status != null && status >= 500 && status <= 599) {
            doc.put("fault", true);
        } else if (status == null && span.statusCode() == OtlpSpan.STATUS_ERROR) {
            doc.put("fault", true);
        }
        return doc.toString();
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
    private static void resourceMetadata(Map<String, Object> resource, ObjectNode aws) {
        String provider = text(resource, "cloud.provider", null);
        if (provider != null && !provider.equals("aws")) {
            return;
        }
        putIfPresent(aws, "account_id", text(resource, "cloud.account.id", null));
        String platform = text(resource, "cloud.platform", "");
        if (platform.equals("aws_ecs")) {
            ObjectNode ecs = aws.putObject("ecs");
            putIfPresent(ecs, "container", text(resource, "container.name", null));
            putIfPresent(ecs, "container_id", text(resource, "container.id", null));
            putIfPresent(ecs, "task_arn", text(resource, "aws.ecs.task.arn", null));
            putIfPresent(ecs, "task_family", text(resource, "aws.ecs.task.family", null));
            putIfPresent(ecs, "cluster_arn", text(resource, "aws.ecs.cluster.arn", null));
            putIfPresent(ecs, "container_arn", text(resource, "aws.ecs.container.arn", null));
            putIfPresent(ecs, "availability_zone", text(resource, "cloud.availability_zone", null));
            putIfPresent(ecs, "launch_type", text(resource, "aws.ecs.launchtype", null));
        }
        String hostId = text(resource, "host.id", null);
        if (platform.equals("aws_ec2") || hostId != null) {
            ObjectNode ec2 = aws.putObject("ec2");
            putIfPresent(ec2, "instance_id", hostId);
            putIfPresent(ec2, "availability_zone", text(resource, "cloud.availability_zone", null));
            putIfPresent(ec2, "instance_size", text(resource, "host.type", null));
            putIfPresent(ec2, "ami_id", text(resource, "host.image.id", null));
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    /** X-Ray names allow letters, digits, spaces and {@code _ . : / % & # = + \ - @}, at most 200 characters. */
    static String sanitize(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}\\p{Zs}_.:/%&#=+\\\\\\-@]", "_");
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

package dev.meshwalk.apps.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Tells OpenTelemetry where the app runs when it runs as an ECS task: reads the task metadata endpoint v4
 * ({@code ECS_CONTAINER_METADATA_URI_V4}: {@code /} is this container, {@code /task} the task) and turns it into
 * the standard resource attributes ({@code cloud.provider=aws}, {@code cloud.platform=aws_ecs},
 * {@code aws.ecs.container.arn}, {@code aws.ecs.task.arn}, {@code aws.ecs.cluster.arn}, {@code aws.ecs.launchtype},
 * {@code container.id}, ...). The telemetry sidecar (the CloudWatch agent on AWS, the local cloud's intake
 * locally) derives the X-Ray segment's {@code origin} and {@code aws.ecs} block from them, so the service map
 * shows the apps as ECS containers.
 *
 * <p>Why not the contrib {@code opentelemetry-aws-resources} detector: its only public entry point reads
 * {@link System#getenv()} once per JVM into a static field, so the local cloud (many tasks in one JVM, each with
 * its own environment map) could not give each task its own answer; and it needs OkHttp at run time, which the
 * apps keep out (see pom.xml). The attribute names and value rules here are the ones it and the semantic
 * conventions use (launch type in lower case; a short cluster name becomes an ARN; region and account come from
 * the ARNs).
 *
 * <p>A metadata endpoint that cannot be read is not fatal: the app starts, says why on stderr, and its spans
 * simply carry no ECS attributes. Outside ECS (no variable) nothing is asked and nothing is printed.
 */
public final class EcsResourceDetector {
    public static final String METADATA_VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";

    static final AttributeKey<String> CLOUD_PROVIDER = AttributeKey.stringKey("cloud.provider");
    static final AttributeKey<String> CLOUD_PLATFORM = AttributeKey.stringKey("cloud.platform");
    static final AttributeKey<String> CLOUD_REGION = AttributeKey.stringKey("cloud.region");
    static final AttributeKey<String> CLOUD_ACCOUNT_ID = AttributeKey.stringKey("cloud.account.id");
    static final AttributeKey<String> CLOUD_AVAILABILITY_ZONE = AttributeKey.stringKey("cloud.availability_zone");
    static final AttributeKey<String> CLOUD_RESOURCE_ID = AttributeKey.stringKey("cloud.resource_id");
    static final AttributeKey<String> CONTAINER_ID = AttributeKey.stringKey("container.id");
    static final AttributeKey<String> CONTAINER_NAME = AttributeKey.stringKey("container.name");
    static final AttributeKey<String> CONTAINER_IMAGE_NAME = AttributeKey.stringKey("container.image.name");
    static final AttributeKey<String> ECS_CONTAINER_ARN = AttributeKey.stringKey("aws.ecs.container.arn");
    static final AttributeKey<String> ECS_CLUSTER_ARN = AttributeKey.stringKey("aws.ecs.cluster.arn");
    static final AttributeKey<String> ECS_TASK_ARN = AttributeKey.stringKey("aws.ecs.task.arn");
    static final AttributeKey<String> ECS_TASK_ID = AttributeKey.stringKey("aws.ecs.task.id");
    static final AttributeKey<String> ECS_TASK_FAMILY = AttributeKey.stringKey("aws.ecs.task.family");
    static final AttributeKey<String> ECS_TASK_REVISION = AttributeKey.stringKey("aws.ecs.task.revision");
    static final AttributeKey<String> ECS_LAUNCHTYPE = AttributeKey.stringKey("aws.ecs.launchtype");
    static final AttributeKey<List<String>> LOG_GROUP_NAMES = AttributeKey.stringArrayKey("aws.log.group.names");
    static final AttributeKey<List<String>> LOG_STREAM_NAMES = AttributeKey.stringArrayKey("aws.log.stream.names");

    /** The ECS agent answers from the same host; two seconds is what the OpenTelemetry detectors allow too. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream warnings;

    /** @param warnings where an unreadable endpoint is reported (stderr in a container, the task log locally) */
    public EcsResourceDetector(PrintStream warnings) {
        this.warnings = warnings;
    }

    /**
     * The resource describing this ECS container and its task, or {@link Resource#empty()} when {@code env} has no
     * {@value #METADATA_VARIABLE} or the endpoint cannot be read.
     */
    public Resource detect(Environment env, String appName) {
        String base = env.get(METADATA_VARIABLE).map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse(null);
        if (base == null) {
            return Resource.empty();
        }
        try {
            JsonNode container = fetch(base);
            JsonNode task = fetch(base + "/task");
            return Resource.create(attributes(container, task));
        } catch (IOException | IllegalArgumentException unreadable) {
            warnings.println(appName + ": ECS task metadata at " + base + " could not be read (" + unreadable.getMessage()
                    + "); spans carry no ECS attributes. Check " + METADATA_VARIABLE + " or unset it outside ECS.");
            return Resource.empty();
        }
    }

    /** Maps the container and task metadata documents to resource attributes (absent fields are left out). */
    static Attributes attributes(JsonNode container, JsonNode task) {
        AttributesBuilder out = Attributes.builder();
        out.put(CLOUD_PROVIDER, "aws");
        out.put(CLOUD_PLATFORM, "aws_ecs");
        String containerArn = text(container, "ContainerARN");
        String taskArn = text(task, "TaskARN");
        putIfPresent(out, ECS_CONTAINER_ARN, containerArn);
        putIfPresent(out, CLOUD_RESOURCE_ID, containerArn);
        putIfPresent(out, CONTAINER_ID, text(container, "DockerId"));
        putIfPresent(out, CONTAINER_NAME, firstOf(text(container, "DockerName"), text(container, "Name")));
        putIfPresent(out, CONTAINER_IMAGE_NAME, imageName(text(container, "Image")));
        putIfPresent(out, ECS_TASK_ARN, taskArn);
        if (taskArn != null) {
            putIfPresent(out, ECS_TASK_ID, taskArn.substring(taskArn.lastIndexOf('/') + 1));
        }
        putIfPresent(out, ECS_TASK_FAMILY, text(task, "Family"));
        putIfPresent(out, ECS_TASK_REVISION, text(task, "Revision"));
        String launchType = text(task, "LaunchType");
        putIfPresent(out, ECS_LAUNCHTYPE, launchType == null ? null : launchType.toLowerCase(Locale.ROOT));
        String anyArn = firstOf(taskArn, containerArn);
        String region = arnPart(anyArn, 3);
        String account = arnPart(anyArn, 4);
        putIfPresent(out, CLOUD_REGION, region);
        putIfPresent(out, CLOUD_ACCOUNT_ID, account);
        putIfPresent(out, CLOUD_AVAILABILITY_ZONE, text(task, "AvailabilityZone"));
        String cluster = text(task, "Cluster");
        if (cluster != null) {
            out.put(ECS_CLUSTER_ARN, cluster.startsWith("arn:") || region == null || account == null ? cluster
                    : "arn:aws:ecs:" + region + ":" + account + ":cluster/" + cluster);
        }
        JsonNode logOptions = container.path("LogOptions");
        String group = text(logOptions, "awslogs-group");
        if (group != null) {
            out.put(LOG_GROUP_NAMES, List.of(group));
        }
        String stream = text(logOptions, "awslogs-stream");
        if (stream != null) {
            out.put(LOG_STREAM_NAMES, List.of(stream));
        }
        return out.build();
    }

    private static JsonNode fetch(String url) throws IOException {
        // never through a proxy: the endpoint is link-local on AWS (ECS asks for it in NO_PROXY) and loopback locally
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout((int) TIMEOUT.toMillis());
        connection.setReadTimeout((int) TIMEOUT.toMillis());
        connection.setRequestProperty("Accept", "application/json");
        try {
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("GET " + url + " answered " + status);
            }
            try (InputStream body = connection.getInputStream()) {
                JsonNode document = JSON.readTree(body);
                if (document == null || !document.isObject()) {
                    throw new IOException("GET " + url + " did not answer a JSON object");
                }
                return document;
            }
        } finally {
            connection.disconnect();
        }
    }

    /** {@code repo/name:tag} or {@code repo/name@sha256:...} without the tag or digest. */
    private static String imageName(String image) {
        if (image == null) {
            return null;
        }
        int at = image.indexOf('@');
        String name = at >= 0 ? image.substring(0, at) : image;
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    private static String arnPart(String arn, int index) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length > index && !parts[index].isEmpty() ? parts[index] : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static String firstOf(String first, String second) {
        return first != null ? first : second;
    }

    private static void putIfPresent(AttributesBuilder out, AttributeKey<String> key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}

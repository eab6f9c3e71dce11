package dev.meshwalk.apps.common;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the ECS agent's task metadata endpoint v4 on loopback: {@code <base>} answers the container
 * document and {@code <base>/task} the task document, as ECS does for {@code ECS_CONTAINER_METADATA_URI_V4}.
 */
public final class FakeEcsMetadataEndpoint implements AutoCloseable {
    private static final String BASE_PATH = "/v4/9f1c2b7e0a3d4c5b8e6f7a8b9c0d1e2f-1234567890";

    private final HttpServer server;
    private final List<String> requestedPaths = new CopyOnWriteArrayList<>();

    public FakeEcsMetadataEndpoint(String containerJson, String taskJson) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requestedPaths.add(path);
            String body = path.equals(BASE_PATH) ? containerJson : path.equals(BASE_PATH + "/task") ? taskJson : null;
            byte[] bytes = (body == null ? "{\"error\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** The value ECS puts in {@code ECS_CONTAINER_METADATA_URI_V4}. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    public List<String> requestedPaths() {
        return requestedPaths;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A Fargate container document shaped like the one the ECS documentation shows. */
    public static String fargateContainer() {
        return """
                {"DockerId":"cd189a933e5849daa93386466019ab50-2495160603","Name":"app","DockerName":"app",
                 "Image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/front:latest",
                 "ImageID":"sha256:d691691e9652791a60114e67b365688d20d19940dde7c4736ea30e660d8d3553",
                 "Labels":{"com.amazonaws.ecs.container-name":"app"},
                 "DesiredStatus":"RUNNING","KnownStatus":"RUNNING","Limits":{"CPU":2},"Type":"NORMAL",
                 "LogDriver":"awslogs",
                 "LogOptions":{"awslogs-group":"howto-ecs-basics","awslogs-region":"us-east-1",
                               "awslogs-stream":"front/app/cd189a933e5849daa93386466019ab50"},
                 "ContainerARN":"arn:aws:ecs:us-east-1:123456789012:container/howto-ecs-basics/cd189a933e5849daa93386466019ab50/05966557-f16c-49cb-9352-24b3a0dcd0e1",
                 "Networks":[{"NetworkMode":"awsvpc","IPv4Addresses":["10.0.2.106"]}]}""";
    }

    /** The matching Fargate task document. */
    public static String fargateTask(String cluster) {
        return """
                {"Cluster":"%s",
                 "TaskARN":"arn:aws:ecs:us-east-1:123456789012:task/howto-ecs-basics/cd189a933e5849daa93386466019ab50",
                 "Family":"howto-ecs-basics-front","Revision":"3","DesiredStatus":"RUNNING","KnownStatus":"RUNNING",
                 "Limits":{"CPU":0.25,"Memory":1024},"AvailabilityZone":"us-east-1a","LaunchType":"FARGATE",
                 "Containers":[]}""".formatted(cluster);
    }
}

package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which local program runs a container image, decided by the image's repository name (the last path segment,
 * without registry, tag or digest): {@code 123.dkr.ecr.us-east-1.amazonaws.com/howto-ecs-basics/colorapp:3f2a}
 * has repository {@code colorapp}. Immutable; {@link #with} returns a copy with one more mapping.
 *
 * <p>Defaults: {@code front}, {@code feapp} -> front app; {@code color}, {@code colorapp} -> color app;
 * {@code aws-xray-daemon}, {@code xray-daemon}, {@code xray} -> X-Ray daemon; {@code cloudwatch-agent},
 * {@code cwagent}, {@code cwagent-statsd} -> CloudWatch agent; {@code aws-appmesh-envoy}, {@code envoy} -> mesh proxy;
 * {@code ecs-service-connect-agent} -> Service Connect proxy (the container ECS adds itself).
 */
public final class ImageMap {

    private final Map<String, ContainerKind> byRepository;

    private ImageMap(Map<String, ContainerKind> byRepository) {
        this.byRepository = Collections.unmodifiableMap(new TreeMap<>(byRepository));
    }

    public static ImageMap defaults() {
        Map<String, ContainerKind> map = new TreeMap<>();
        map.put("front", ContainerKind.FRONT_APP);
        map.put("feapp", ContainerKind.FRONT_APP);
        map.put("color", ContainerKind.COLOR_APP);
        map.put("colorapp", ContainerKind.COLOR_APP);
        map.put("aws-xray-daemon", ContainerKind.XRAY_DAEMON);
        map.put("xray-daemon", ContainerKind.XRAY_DAEMON);
        map.put("xray", ContainerKind.XRAY_DAEMON);
        map.put("cloudwatch-agent", ContainerKind.CLOUDWATCH_AGENT);
        map.put("cwagent", ContainerKind.CLOUDWATCH_AGENT);
        map.put("cwagent-statsd", ContainerKind.CLOUDWATCH_AGENT);
        map.put("aws-appmesh-envoy", ContainerKind.MESH_PROXY);
        map.put("envoy", ContainerKind.MESH_PROXY);
        map.put(ServiceConnectAgent.REPOSITORY, ContainerKind.SERVICE_CONNECT_PROXY);
        return new ImageMap(map);
    }

    /** A copy that also maps {@code repository} to {@code kind}. */
    public ImageMap with(String repository, ContainerKind kind) {
        Map<String, ContainerKind> map = new TreeMap<>(byRepository);
        map.put(repository.toLowerCase(Locale.ROOT), kind);
        return new ImageMap(map);
    }

    public Optional<ContainerKind> kindOf(String image) {
        return Optional.ofNullable(byRepository.get(repositoryOf(image)));
    }

    public List<String> knownRepositories() {
        return List.copyOf(byRepository.keySet());
    }

    public Map<String, ContainerKind> mappings() {
        return byRepository;
    }

    /** The repository name of an image reference: last path segment without tag or digest, lower case. */
    public static String repositoryOf(String image) {
        String ref = image == null ? "" : image.trim();
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int slash = ref.lastIndexOf('/');
        String last = slash >= 0 ? ref.substring(slash + 1) : ref;
        int colon = last.indexOf(':');
        return (colon >= 0 ? last.substring(0, colon) : last).toLowerCase(Locale.ROOT);
    }

    /** The stopped reason for an image no local program runs. */
    String unknownImageReason(String image) {
        return "CannotPullContainerError: image " + image + " is not known to the local cloud (repository '"
                + repositoryOf(image) + "'); known repositories: " + String.join(", ", knownRepositories())
                + ". Use one of them, or map the repository in the local cloud's image map.";
    }
}

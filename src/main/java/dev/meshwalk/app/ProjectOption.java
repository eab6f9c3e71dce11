package dev.meshwalk.app;

import java.util.Optional;

import dev.meshwalk.cloud.DeployRequest;
import picocli.CommandLine.Option;

/**
 * {@code --project}: the name the tutorial's resources carry (the seed's project name by default), and from
 * it the one stack name every subcommand agrees on.
 */
final class ProjectOption {

    /** The seed walkthrough's project name, so names match the lessons (mesh, namespace, cluster). */
    static final String DEFAULT = "howto-ecs-basics";

    @Option(names = "--project", paramLabel = "NAME",
            description = "Project name used in resource names (default: MESHWALK_PROJECT, else " + DEFAULT + ").")
    String project;

    String project() {
        return Optional.ofNullable(project).filter(p -> !p.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("MESHWALK_PROJECT")).filter(p -> !p.isBlank()))
                .orElse(DEFAULT);
    }

    String stackName() {
        return DeployRequest.stackNameFor(project());
    }
}

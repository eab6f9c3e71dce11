package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceDeployment;
import dev.meshwalk.localcloud.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ListServiceDeployments}, {@code DescribeServiceDeployments} and {@code StopServiceDeployment} over the
 * data plane's deployment objects, which run the rolling and canary phases and the alarm rollbacks.
 */
final class DeploymentOperations {

    private final EcsLookup lookup;

    DeploymentOperations(EcsLookup lookup) {
        this.lookup = lookup;
    }

    Map<String, Object> list(Params input) {
        String cluster = lookup.cluster(input);
        String identifier = input.string("service").filter(s -> !s.isBlank()).orElseThrow(() -> EcsErrors.missing("service"));
        EcsService service = lookup.requireService(cluster, identifier);
        List<String> statuses = input.strings("status");
        Params created = input.struct("createdAt");
        Instant after = created.instant("after").orElse(Instant.MIN);
        Instant before = created.instant("before").orElse(Instant.MAX);
        List<Object> briefs = new ArrayList<>();
        for (ServiceDeployment d : service.serviceDeployments()) {
            if ((statuses.isEmpty() || statuses.contains(d.status().name()))
                    && !d.createdAt().isBefore(after) && !d.createdAt().isAfter(before)) {
                briefs.add(DeploymentViews.brief(d));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Pages.page(briefs, input, 20, 100, "serviceDeployments", out);
        return out;
    }

    Map<String, Object> describe(Params input) {
        List<String> arns = input.strings("serviceDeploymentArns");
        if (arns.isEmpty()) {
            throw EcsErrors.missing("serviceDeploymentArns");
        }
        if (arns.size() > 20) {
            throw EcsErrors.invalidParameter("serviceDeploymentArns can have at most 20 items.");
        }
        List<Object> found = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (String arn : arns) {
            find(arn).ifPresentOrElse(d -> found.add(DeploymentViews.full(d)),
                    () -> failures.add(TaskOperations.failure(arn)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("serviceDeployments", found);
        out.put("failures", failures);
        return out;
    }

    Map<String, Object> stop(Params input) {
        String arn = input.string("serviceDeploymentArn").filter(s -> !s.isBlank())
                .orElseThrow(() -> EcsErrors.missing("serviceDeploymentArn"));
        String stopType = input.string("stopType").orElse("ROLLBACK");
        if (!stopType.equals("ROLLBACK") && !stopType.equals("ABORT")) {
            throw EcsErrors.invalidParameter("stopType must be ABORT or ROLLBACK.");
        }
        if (stopType.equals("ABORT")) {
            throw EcsErrors.invalidParameter("The local cloud stops a service deployment by rolling it back; use"
                    + " stopType ROLLBACK.");
        }
        find(arn).orElseThrow(() -> EcsErrors.deploymentNotFound("Service deployment " + arn + " not found."));
        EcsService service = serviceOf(arn).orElseThrow();
        service.rollBackDeployment(arn).ifPresent(problem -> {
            throw EcsErrors.conflict(problem);
        });
        return Map.of("serviceDeploymentArn", arn);
    }

    /** {@code arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<id>}. */
    private Optional<ServiceDeployment> find(String arn) {
        return serviceOf(arn).flatMap(s -> s.serviceDeployments().stream().filter(d -> d.arn().equals(arn)).findFirst());
    }

    private Optional<EcsService> serviceOf(String arn) {
        int at = arn.indexOf(":service-deployment/");
        if (at < 0) {
            return Optional.empty();
        }
        String[] parts = arn.substring(at + ":service-deployment/".length()).split("/");
        return parts.length == 3 ? lookup.ecs().service(parts[0], parts[1]) : Optional.empty();
    }
}

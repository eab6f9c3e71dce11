package dev.meshwalk.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;

/**
 * Finds and removes what this project of the tutorial created on a target, and proves afterwards that nothing is
 * left. Only the project's own stack ({@code meshwalk-<project>}, tagged {@code meshwalk:managed=true}), dashboards whose names start with the tutorial's
 * prefix ({@code meshwalk-<project>}) and ECR repositories {@code <project>/*} tagged {@code meshwalk:managed=true}
 * are ever touched; dashboards a chapter's stack creates go with the stack. The check afterwards also looks for
 * EC2 resources still tagged as ours ({@link TaggedEc2Resources}). Other projects' stacks in the same region, even
 * tagged as the tutorial's, are someone else's work (a shared workshop account): never deleted, only named in
 * {@link #leftAlone()}.
 *
 * <p>A target that does not serve one of these APIs (the local cloud serves no ECR; a role may lack
 * a permission) does not stop the teardown: that part is reported in {@link #warnings()} as not checked.
 */
public final class Teardown {

    /** What the chapters' templates append to {@code ${ProjectName}} in an {@code AlarmName} (checked by a test). */
    static final List<String> STACK_ALARM_SUFFIXES = List.of("-color-5xx");

    private final CloudSession session;
    private final CloudWatchClient cloudWatch;
    private final String stackName;
    private final String dashboardPrefix;
    private final String ecrPrefix;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> leftAlone = new ArrayList<>();

    public Teardown(CloudSession session, String stackName) {
        this.session = session;
        this.cloudWatch = session.cloudWatch();
        this.stackName = stackName;
        this.dashboardPrefix = stackName;
        this.ecrPrefix = DeployRequest.projectFor(stackName) + "/";
    }

    /** Everything of this project's on the target, with its state. */
    public List<OwnedResource> inventory() {
        List<OwnedResource> all = new ArrayList<>();
        leftAlone.clear();
        for (StackInfo s : new Stacks(session).managedStacks()) {
            String state = s.status() + s.chapter().map(c -> ", chapter " + c).orElse("");
            if (s.name().equals(stackName)) {
                all.add(new OwnedResource(OwnedResource.Kind.STACK, s.name(), state));
            } else {
                String owner = s.tags().getOrDefault(StackInfo.PROJECT_TAG, DeployRequest.projectFor(s.name()));
                leftAlone.add("Not ours, left alone: stack " + s.name() + " (" + state + ") of the project " + owner
                        + " (teardown --project " + owner + " would delete it).");
            }
        }
        for (String d : dashboards()) {
            all.add(new OwnedResource(OwnedResource.Kind.DASHBOARD, d, "exists"));
        }
        for (String r : repositories()) {
            all.add(new OwnedResource(OwnedResource.Kind.ECR_REPOSITORY, r, "tagged " + EcrRepositories.MANAGED_KEY + "=true"));
        }
        return all;
    }

    /**
     * Other projects' tutorial stacks seen by the last {@link #inventory()}, one line each: named so the learner
     * knows they were seen and deliberately not touched.
     */
    public List<String> leftAlone() {
        return List.copyOf(leftAlone);
    }

    /**
     * What could not be checked (e.g. a target that does not serve CloudWatch, ECR or EC2, or a role without
     * the permission to list them): said next to the inventory instead of blocking the stack's deletion.
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Deletes the given resources (stacks first, with progress; then dashboards; then ECR repositories with their
     * images, once nothing runs from them) and returns the outcomes of the stack deletions. Refuses anything not
     * in {@link #inventory()}.
     */
    public List<DeployOutcome> remove(List<OwnedResource> chosen, Consumer<DeployEvent> listener) {
        List<OwnedResource> ours = inventory();
        List<DeployOutcome> outcomes = new ArrayList<>();
        for (OwnedResource r : chosen) {
            if (ours.stream().noneMatch(o -> o.kind() == r.kind() && o.name().equals(r.name()))) {
                throw new DeployException(r.kind().label() + " " + r.name() + " is not the tutorial's; not deleting it.");
            }
        }
        for (OwnedResource r : chosen) {
            if (r.kind() == OwnedResource.Kind.STACK) {
                outcomes.add(new StackRemoval(session, r.name()).delete(listener));
            }
        }
        List<String> dashboards = chosen.stream().filter(r -> r.kind() == OwnedResource.Kind.DASHBOARD)
                .map(OwnedResource::name).filter(dashboards()::contains).toList();
        if (!dashboards.isEmpty()) {
            try {
                cloudWatch.deleteDashboards(b -> b.dashboardNames(dashboards));
                dashboards.forEach(d -> listener.accept(new DeployEvent.Notice("Deleted dashboard " + d + ".")));
            } catch (SdkException e) {
                throw new DeployException("Could not delete the dashboards " + dashboards + ": " + SdkErrors.summary(e), e);
            }
        }
        List<String> repositories = chosen.stream().filter(r -> r.kind() == OwnedResource.Kind.ECR_REPOSITORY)
                .map(OwnedResource::name).toList();
        if (!repositories.isEmpty()) {
            try (EcrRepositories ecr = new EcrRepositories(session)) {
                for (String r : repositories) {
                    int images = ecr.delete(r); // refuses a repository not tagged as ours
                    listener.accept(new DeployEvent.Notice("Deleted ECR repository " + r + " (" + images + " images)."));
                }
            }
        }
        return outcomes;
    }

    /**
     * What is still there after a teardown: should be empty. Includes EC2 resources still tagged as ours and, once
     * the stack is gone, the alarms its chapters name (they go with the stack, so one left is a failure).
     */
    public List<OwnedResource> leftovers() {
        List<OwnedResource> left = new ArrayList<>(inventory());
        Optional<StackInfo> stack = new Stacks(session).find(stackName).filter(s -> s.condition() != StackInfo.Condition.GONE);
        stack.filter(s -> left.stream().noneMatch(o -> o.name().equals(s.name())))
                .ifPresent(s -> left.add(new OwnedResource(OwnedResource.Kind.STACK, s.name(), s.status())));
        if (stack.isEmpty()) {
            left.addAll(alarms());
        }
        try {
            left.addAll(new TaggedEc2Resources(session).remaining(stackName));
        } catch (SdkException e) {
            warn(TeardownWarnings.notChecked("EC2 resources tagged as the tutorial's (VPC, subnets, NAT gateways, Elastic IPs,"
                    + " security groups)", SdkErrors.summary(e), session.target()));
        }
        return left;
    }

    /** The alarm names the chapters' templates give ({@code ${ProjectName}<suffix>}), for this project. */
    static List<String> alarmNames(String project) {
        return STACK_ALARM_SUFFIXES.stream().map(suffix -> project + suffix).toList();
    }

    private List<OwnedResource> alarms() {
        try {
            return cloudWatch.describeAlarms(b -> b.alarmNames(alarmNames(DeployRequest.projectFor(stackName))))
                    .metricAlarms().stream()
                    .map(a -> new OwnedResource(OwnedResource.Kind.STACK_ALARM, a.alarmName(), "state " + a.stateValueAsString()))
                    .toList();
        } catch (SdkException e) {
            warn(TeardownWarnings.notChecked("CloudWatch alarms of the chapters (" + alarmNames(DeployRequest.projectFor(
                    stackName)) + ")", SdkErrors.summary(e), session.target()));
            return List.of();
        }
    }

    private List<String> repositories() {
        if (session.target().kind() == CloudTarget.Kind.LOCAL) {
            // The embedded local cloud serves no ECR and the tutorial pushes no images to it: nothing to check, and a
            // "could not check" line there would only alarm the learner. Other endpoints are asked (they may serve it).
            return List.of();
        }
        try (EcrRepositories ecr = new EcrRepositories(session)) {
            return ecr.managed(ecrPrefix);
        } catch (DeployException e) {
            warn(TeardownWarnings.notChecked("ECR repositories (" + ecrPrefix + "*)",
                    e.getCause() instanceof SdkException s ? SdkErrors.summary(s) : e.getMessage(), session.target()));
            return List.of();
        }
    }

    private List<String> dashboards() {
        List<String> names = new ArrayList<>();
        try {
            String token = null;
            for (int page = 0; page < 50; page++) {
                String next = token;
                ListDashboardsResponse response = cloudWatch.listDashboards(b -> b.dashboardNamePrefix(dashboardPrefix)
                        .nextToken(next));
                for (DashboardEntry d : response.dashboardEntries()) {
                    if (d.dashboardName().startsWith(dashboardPrefix)) {
                        names.add(d.dashboardName());
                    }
                }
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            warn("Dashboards could not be checked: " + SdkErrors.summary(e));
            return List.of();
        }
        return names;
    }

    private void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }
}

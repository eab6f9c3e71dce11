package dev.meshwalk.localcloud.breakit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The "break it" experiment through the real SDK, shared by {@code BreakItIT} (which asserts the goals) and
 * {@code BreakItBench} (which prints the numbers for {@code docs/benchmarks.md}): a chapter deployed, the traffic
 * loop's {@code GET /color} sent at a fixed rate, one {@code color} task stopped with {@code StopTask}, then the
 * requests that failed in the window after the stop and the time until ECS lists {@code desiredCount} running tasks
 * again without the stopped one.
 */
public final class BreakIt {

    /** The cluster every chapter's stack names (its {@code ProjectName} default). */
    public static final String CLUSTER = "howto-ecs-basics";

    /**
     * One measurement.
     *
     * @param before   requests sent before the stop (all should succeed: the baseline)
     * @param failedBefore how many of those failed
     * @param after    requests sent in the window after the stop
     * @param failed   how many of those failed (an error status or no answer)
     * @param recovery from StopTask's answer until the service ran its desired count again without the stopped task
     */
    public record Result(String chapter, double rate, int before, int failedBefore, int after, int failed,
                         Duration recovery) {

        public double lossPercent() {
            return after == 0 ? 0 : 100.0 * failed / after;
        }

        @Override
        public String toString() {
            return String.format("chapter %s at %.0f req/s: %d of %d lost after the stop (%.2f%%), back to desired"
                    + " count in %.1f s (before the stop: %d of %d failed)", chapter, rate, failed, after,
                    lossPercent(), recovery.toMillis() / 1000.0, failedBefore, before);
        }
    }

    private BreakIt() {
    }

    /** Deploys {@code stacks/<chapter>.yaml} as the tutorial does and waits for CREATE_COMPLETE; returns its endpoint. */
    public static URI deploy(CloudFormationClient cfn, String chapter, String stackName) {
        String template;
        try (InputStream in = BreakIt.class.getResourceAsStream("/stacks/" + chapter + ".yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("no template for chapter " + chapter, e);
        }
        cfn.createStack(b -> b.stackName(stackName).templateBody(template)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM)
                .parameters(Parameter.builder().parameterKey("FrontAppImage").parameterValue("front:latest").build(),
                        Parameter.builder().parameterKey("ColorAppImage").parameterValue("color:latest").build()));
        cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName(stackName));
        return URI.create(cfn.describeStacks(b -> b.stackName(stackName)).stacks().get(0).outputs().stream()
                .filter(o -> o.outputKey().equals("FrontEndpoint")).map(Output::outputValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("the stack has no FrontEndpoint output")));
    }

    /** The chapter's {@code color} service (not {@code color-v2}, not {@code front}). */
    public static String colorService(EcsClient ecs) {
        List<String> arns = ecs.listServices(b -> b.cluster(CLUSTER)).serviceArns();
        return colorServiceName(arns).orElseThrow(() -> new IllegalStateException("no color service in " + CLUSTER
                + ": " + arns));
    }

    /**
     * The service CloudFormation made from the stack's {@code ColorService} resource: its generated name is
     * {@code <stack>-ColorService-<13 random letters and digits>}, so the logical id is matched whole. Matching
     * "color" and skipping names with "v2" missed it about once in a hundred deploys, whenever the random part
     * spelled "V2" (BreakItBench's intermittent "no color service").
     */
    static Optional<String> colorServiceName(List<String> serviceArns) {
        return serviceArns.stream().map(a -> a.substring(a.lastIndexOf('/') + 1))
                .filter(n -> n.contains("-ColorService-")).findFirst();
    }

    /**
     * Sends {@code GET /color} at {@code rate} per second for {@code lead}, stops one color task, keeps sending for
     * {@code window}, and measures. Waits until the endpoint answers first.
     */
    public static Result measure(String chapter, EcsClient ecs, URI endpoint, double rate, Duration lead,
                                 Duration window) throws InterruptedException {
        String service = colorService(ecs);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        URI color = endpoint.resolve("/color");
        awaitAnswer(http, color);
        ConcurrentLinkedQueue<long[]> sent = new ConcurrentLinkedQueue<>(); // {sentAtNanos, ok 1/0}
        AtomicInteger inFlight = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try {
            long period = (long) (1_000_000_000L / rate);
            pacer.scheduleAtFixedRate(() -> {
                long at = System.nanoTime();
                inFlight.incrementAndGet();
                http.sendAsync(HttpRequest.newBuilder(color).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .whenComplete((r, e) -> {
                            sent.add(new long[] {at, e == null && r.statusCode() == 200 ? 1 : 0});
                            inFlight.decrementAndGet();
                        });
            }, 0, period, TimeUnit.NANOSECONDS);
            Thread.sleep(lead.toMillis());
            String victim = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(service)).taskArns().get(0);
            long stopAt = System.nanoTime();
            ecs.stopTask(b -> b.cluster(CLUSTER).task(victim).reason("break it"));
            long stopAnswered = System.nanoTime();
            Duration recovery = awaitRecovery(ecs, service, victim, stopAnswered, window);
            long end = stopAt + window.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(50);
            }
            pacer.shutdown();
            pacer.awaitTermination(5, TimeUnit.SECONDS);
            long drained = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < drained) { // every request has its answer or timed out
                Thread.sleep(20);
            }
            List<long[]> all = List.copyOf(sent);
            int before = 0;
            int failedBefore = 0;
            int after = 0;
            int failed = 0;
            for (long[] r : all) {
                if (r[0] < stopAt) {
                    before++;
                    failedBefore += r[1] == 0 ? 1 : 0;
                } else if (r[0] < end) {
                    after++;
                    failed += r[1] == 0 ? 1 : 0;
                }
            }
            return new Result(chapter, rate, before, failedBefore, after, failed, recovery);
        } finally {
            pacer.shutdownNow();
        }
    }

    /** Polls ECS until the service runs its desired count without {@code victim}; the time from {@code from}. */
    private static Duration awaitRecovery(EcsClient ecs, String service, String victim, long from, Duration limit)
            throws InterruptedException {
        long deadline = from + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> live = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(service)).taskArns();
            Service s = ecs.describeServices(b -> b.cluster(CLUSTER).services(service)).services().get(0);
            if (!live.contains(victim) && live.size() == s.desiredCount() && s.runningCount() == s.desiredCount()) {
                return Duration.ofNanos(System.nanoTime() - from);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service " + service + " was not back to its desired count within " + limit);
    }

    private static void awaitAnswer(HttpClient http, URI color) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(color).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(color + " never answered 200");
    }
}

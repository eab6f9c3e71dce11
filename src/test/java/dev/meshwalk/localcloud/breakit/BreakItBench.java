package dev.meshwalk.localcloud.breakit;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.LocalCloudServices;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Break it, measured for {@code docs/benchmarks.md} (a {@code main}, not a test): for each chapter given, a fresh
 * local cloud, the chapter deployed through the SDK, and one color task stopped under each rate given; prints the
 * requests lost in the window after the stop and the time until the service is back to its desired count.
 *
 * <p>Usage: {@code BreakItBench <window-seconds> <rate,rate,...> <chapter> [chapter ...]}, e.g.
 * {@code BreakItBench 30 2,50 0-prelude 1-servicediscovery}.
 */
public final class BreakItBench {

    private BreakItBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: BreakItBench <window-seconds> <rate,rate,...> <chapter> [chapter ...]");
            System.exit(2);
        }
        Duration window = Duration.ofSeconds(Long.parseLong(args[0]));
        String[] rates = args[1].split(",");
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        for (int i = 2; i < args.length; i++) {
            String chapter = args[i];
            for (String rate : rates) {
                try (LocalCloud cloud = LocalCloudServices.addDefaults(LocalCloud.builder()).build().start();
                     CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(cloud.endpoint())
                             .region(Region.US_EAST_1).credentialsProvider(credentials).build();
                     EcsClient ecs = EcsClient.builder().endpointOverride(cloud.endpoint())
                             .region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
                    URI endpoint = BreakIt.deploy(cfn, chapter, "bench");
                    System.out.println(BreakIt.measure(chapter, ecs, endpoint, Double.parseDouble(rate),
                            Duration.ofSeconds(5), window));
                }
            }
        }
    }
}

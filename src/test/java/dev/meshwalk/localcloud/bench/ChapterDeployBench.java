package dev.meshwalk.localcloud.bench;

import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import dev.meshwalk.localcloud.service.cloudformation.CloudFormationService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Control-plane benchmark: deploys the chapter 3 fixture from nothing (CreateChangeSet, DescribeChangeSet,
 * ExecuteChangeSet, DescribeStacks) and deletes it, through {@code AwsService.call} with no HTTP, each round
 * on a fresh engine. Prints per-round times and the median after warm-up.
 *
 * <p>Run (see docs/benchmarks/cfn-engine.md): {@code mvn -B -q -o test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt && java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * dev.meshwalk.localcloud.bench.ChapterDeployBench 40 /stacks/3-routing.yaml}.
 */
public final class ChapterDeployBench {

    private ChapterDeployBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = Math.max(1, rounds / 3);
        String resource = args.length > 1 ? args[1] : "/stacks/3-routing.yaml";
        String template;
        try (InputStream in = ChapterDeployBench.class.getResourceAsStream(resource)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        double[] deploy = new double[rounds];
        double[] delete = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            try (CloudFormationService cfn = new CloudFormationService(
                    new CloudFormationEngine(ProviderRegistry.standard(), EngineSettings.defaults()))) {
                long t0 = System.nanoTime();
                Map<?, ?> created = call(cfn, "CreateChangeSet", "StackName", "bench", "TemplateBody", template,
                        "ChangeSetName", "cs", "ChangeSetType", "CREATE", "Capabilities", List.of("CAPABILITY_IAM"),
                        "Parameters", List.of(Map.of("ParameterKey", "FrontAppImage", "ParameterValue", "front:latest"),
                                Map.of("ParameterKey", "ColorAppImage", "ParameterValue", "color:latest")));
                Map<?, ?> described = call(cfn, "DescribeChangeSet", "ChangeSetName", created.get("Id"));
                call(cfn, "ExecuteChangeSet", "ChangeSetName", created.get("Id"));
                Map<?, ?> stacks = call(cfn, "DescribeStacks", "StackName", "bench");
                long t1 = System.nanoTime();
                call(cfn, "DeleteStack", "StackName", "bench");
                long t2 = System.nanoTime();
                String status = ((Map<?, ?>) ((List<?>) stacks.get("Stacks")).get(0)).get("StackStatus").toString();
                if (!"CREATE_COMPLETE".equals(status) || !"CREATE_COMPLETE".equals(described.get("Status"))) {
                    throw new IllegalStateException("round " + i + " ended in " + status);
                }
                deploy[i] = (t1 - t0) / 1e6;
                delete[i] = (t2 - t1) / 1e6;
                System.out.printf("round %2d: deploy %7.2f ms, delete %7.2f ms%n", i, deploy[i], delete[i]);
            }
        }
        System.out.printf("%s (%d resources) from nothing, median of %d after %d warm-up rounds: deploy %.2f ms, delete %.2f ms%n",
                resource, countResources(template), rounds - warmup, warmup, median(deploy, warmup), median(delete, warmup));
    }

    private static Map<?, ?> call(CloudFormationService cfn, String op, Object... kv) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            tree.put((String) kv[i], kv[i + 1]);
        }
        return (Map<?, ?>) cfn.call(op, new Params(tree), new RequestContext("us-east-1", "000000000000", "bench"));
    }

    private static double median(double[] values, int skip) {
        double[] v = Arrays.copyOfRange(values, skip, values.length);
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static long countResources(String template) {
        List<String> lines = new ArrayList<>(List.of(template.split("\n")));
        return lines.stream().filter(l -> l.matches("    Type: AWS::.*")).count();
    }
}

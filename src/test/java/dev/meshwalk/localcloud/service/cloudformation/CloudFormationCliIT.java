package dev.meshwalk.localcloud.service.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both real AWS CLIs as subprocesses against the local cloud: pip's {@code aws} (v1) and Debian's
 * {@code /usr/bin/aws} (v2). Each test is skipped, saying why, when its CLI is not installed.
 */
@Tag("integration")
class CloudFormationCliIT {

    private static final String V2 = "/usr/bin/aws";

    @TempDir
    Path dir;
    private LocalCloud cloud;

    /** What a CLI run printed and how it ended. */
    record Run(int exit, String out) {
    }

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().host("127.0.0.1").port(0).service(new CloudFormationService(
                new CloudFormationEngine(ProviderRegistry.standard(), EngineSettings.defaults()))).build().start();
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void cliV2DeploysEveryChapterDescribesAndDeletes() throws Exception {
        assumeTrue(new File(V2).canExecute(), "AWS CLI v2 not installed at /usr/bin/aws (apt-get install awscli); skipped");
        for (String chapter : List.of("chapter-0.yaml", "chapter-1.yaml", "chapter-2.yaml", "chapter-3.yaml")) {
            Run deploy = aws(V2, "cloudformation", "deploy", "--stack-name", "demo", "--template-file", fixture(chapter),
                    "--capabilities", "CAPABILITY_IAM", "--parameter-overrides", "ProjectName=howto-ecs-basics");
            assertThat(deploy.exit()).as(deploy.out()).isZero();
            assertThat(deploy.out()).contains("Successfully created/updated stack - demo");
        }
        Run again = aws(V2, "cloudformation", "deploy", "--stack-name", "demo", "--template-file", fixture("chapter-3.yaml"),
                "--capabilities", "CAPABILITY_IAM");
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("No changes to deploy. Stack demo is up to date");

        Run stacks = aws(V2, "cloudformation", "describe-stacks", "--stack-name", "demo",
                "--query", "Stacks[0].[StackStatus, Outputs[?OutputKey=='FrontEndpoint'].OutputValue | [0]]", "--output", "text");
        assertThat(stacks.out()).contains("UPDATE_COMPLETE").containsPattern("http://\\S+\\.us-west-2\\.elb\\.amazonaws\\.com");
        Run events = aws(V2, "cloudformation", "describe-stack-events", "--stack-name", "demo");
        assertThat(events.out()).contains("CREATE_IN_PROGRESS", "UPDATE_COMPLETE", "Resource creation Initiated");

        assertThat(aws(V2, "cloudformation", "delete-stack", "--stack-name", "demo").exit()).isZero();
        Run waited = aws(V2, "cloudformation", "wait", "stack-delete-complete", "--stack-name", "demo");
        assertThat(waited.exit()).as(waited.out()).isZero();
        Run gone = aws(V2, "cloudformation", "describe-stacks", "--stack-name", "demo");
        assertThat(gone.exit()).isEqualTo(254);
        assertThat(gone.out()).contains("An error occurred (ValidationError) when calling the DescribeStacks operation: "
                + "Stack with id demo does not exist");
    }

    @Test
    void cliV1DeploysChapterThreeAndDeletes() throws Exception {
        String v1 = onPath("aws");
        assumeTrue(v1 != null && !v1.equals(V2), "pip AWS CLI v1 (`aws` on PATH) not installed; skipped");
        Run deploy = aws(v1, "cloudformation", "deploy", "--stack-name", "v1", "--template-file", fixture("chapter-3.yaml"),
                "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM");
        assertThat(deploy.exit()).as(deploy.out()).isZero();
        Run stacks = aws(v1, "cloudformation", "describe-stacks", "--stack-name", "v1");
        assertThat(stacks.out()).contains("CREATE_COMPLETE", "FrontEndpoint");
        assertThat(aws(v1, "cloudformation", "delete-stack", "--stack-name", "v1").exit()).isZero();
        Run waited = aws(v1, "cloudformation", "wait", "stack-delete-complete", "--stack-name", "v1");
        assertThat(waited.exit()).as(waited.out()).isZero();
    }

    @Test
    void cliV2ReportsAFailedDeployAndLeavesTheStackInRollbackComplete() throws Exception {
        assumeTrue(new File(V2).canExecute(), "AWS CLI v2 not installed at /usr/bin/aws; skipped");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "Resources:\n  X:\n    Type: AWS::Nope::Thing\n");
        Run deploy = aws(V2, "cloudformation", "deploy", "--stack-name", "bad", "--template-file", bad.toString());
        assertThat(deploy.exit()).isEqualTo(255);
        assertThat(deploy.out()).contains("Failed to create/update the stack");
        Run status = aws(V2, "cloudformation", "describe-stacks", "--stack-name", "bad",
                "--query", "Stacks[0].StackStatus", "--output", "text");
        assertThat(status.out().trim()).isEqualTo("ROLLBACK_COMPLETE");
    }

    private String fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, CfnCalls.fixture(name));
        return p.toString();
    }

    private Run aws(String cli, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(cli, "--endpoint-url", cloud.endpoint().toString(),
                "--region", "us-west-2", "--output", "json"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-west-2");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", dir.resolve("none-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none-credentials").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("CLI did not finish: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(d, name);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}

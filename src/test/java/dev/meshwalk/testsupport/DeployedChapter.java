package dev.meshwalk.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/** Deploys a chapter's stack from {@code stacks/} through the SDK, as the tutorial does, and waits for it. */
public final class DeployedChapter {

    public static final String CLUSTER = "howto-ecs-basics";

    private DeployedChapter() {
    }

    public static void deploy(CloudFormationClient cfn, String chapter, String stackName) throws IOException {
        String template = template(chapter);
        cfn.createStack(b -> b.stackName(stackName).templateBody(template)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM).parameters(IMAGES));
        cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName(stackName));
    }

    /** Updates the stack to another chapter through a change set, as the tutorial does; returns when
     * ExecuteChangeSet answers. */
    public static void startUpdate(CloudFormationClient cfn, String chapter, String stackName) {
        String template;
        try {
            template = template(chapter);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        cfn.createChangeSet(b -> b.stackName(stackName).changeSetName("to-" + chapter).templateBody(template)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM).parameters(IMAGES));
        cfn.waiter().waitUntilChangeSetCreateComplete(b -> b.stackName(stackName).changeSetName("to-" + chapter));
        cfn.executeChangeSet(b -> b.stackName(stackName).changeSetName("to-" + chapter));
    }

    private static final Parameter[] IMAGES = {
        Parameter.builder().parameterKey("FrontAppImage").parameterValue("front:latest").build(),
        Parameter.builder().parameterKey("ColorAppImage").parameterValue("color:latest").build()};

    /** A stack output's value, e.g. {@code FrontEndpoint}. */
    public static String output(CloudFormationClient cfn, String stackName, String key) {
        return cfn.describeStacks(b -> b.stackName(stackName)).stacks().get(0).outputs().stream()
                .filter(o -> o.outputKey().equals(key)).findFirst().orElseThrow().outputValue();
    }

    private static String template(String chapter) throws IOException {
        try (InputStream in = DeployedChapter.class.getResourceAsStream("/stacks/" + chapter + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

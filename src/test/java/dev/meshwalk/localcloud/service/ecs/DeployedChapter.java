package dev.meshwalk.localcloud.service.ecs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/** Deploys a chapter's stack from {@code stacks/} through the SDK, as the tutorial does, and waits for it. */
final class DeployedChapter {

    static final String CLUSTER = "howto-ecs-basics";

    private DeployedChapter() {
    }

    static void deploy(CloudFormationClient cfn, String chapter, String stackName) throws IOException {
        String template;
        try (InputStream in = DeployedChapter.class.getResourceAsStream("/stacks/" + chapter + ".yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        cfn.createStack(b -> b.stackName(stackName).templateBody(template)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM)
                .parameters(Parameter.builder().parameterKey("FrontAppImage").parameterValue("front:latest").build(),
                        Parameter.builder().parameterKey("ColorAppImage").parameterValue("color:latest").build()));
        cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName(stackName));
    }
}

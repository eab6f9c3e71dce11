package dev.meshwalk.app;

import picocli.CommandLine.Option;

/** {@code teardown}'s hidden switch: run the AWS-only steps (ECR repositories) on an --endpoint-url target too. */
final class AwsTeardownOptions {

    @Option(names = "--aws-flow", hidden = true)
    boolean forceAwsFlow;
}

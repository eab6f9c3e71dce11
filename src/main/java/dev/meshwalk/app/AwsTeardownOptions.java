package dev.meshwalk.app;

import picocli.CommandLine.Option;

/**
 * {@code teardown}'s hidden {@code --aws-flow}, still accepted so scripts and tests written for it keep working.
 * It no longer changes anything: the ECR and EC2 parts of the teardown now run on every target, and a target that
 * does not serve them (the local cloud) is reported as not checked.
 */
final class AwsTeardownOptions {

    @Option(names = "--aws-flow", hidden = true)
    boolean forceAwsFlow;
}

package dev.meshwalk.app;

import picocli.CommandLine;

/**
 * Entry point of {@code java -jar target/tutorial.jar}.
 *
 * <p>Only parses the command line and hands over; each subcommand is its own class in this package
 * (the composition root, the one place that wires front-ends, effects, cloud and local cloud together).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tutorial and returns the process exit code (2 for usage errors, as picocli does). */
    public static int run(String... args) {
        CommandLine cli = TutorialCommand.commandLine();
        return cli.execute(args);
    }
}

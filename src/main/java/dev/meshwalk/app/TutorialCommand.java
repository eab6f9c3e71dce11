package dev.meshwalk.app;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command: without a subcommand it opens the tutorial (full screen on a terminal, line mode
 * otherwise). Subcommands are the scripted paths of the same features.
 */
@Command(name = "tutorial",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "An interactive terminal tutorial: service discovery and service meshes on Amazon ECS.",
        subcommands = {
            // Each feature registers its scripted subcommand here, one line each.
            LocalCloudCommand.class,
        })
public final class TutorialCommand implements Callable<Integer> {

    static CommandLine commandLine() {
        return new CommandLine(new TutorialCommand());
    }

    @Override
    public Integer call() {
        System.out.println("The tutorial's screens are not built yet.");
        return 0;
    }
}

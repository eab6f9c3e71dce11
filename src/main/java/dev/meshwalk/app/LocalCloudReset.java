package dev.meshwalk.app;

import java.io.IOException;
import java.util.concurrent.Callable;

import dev.meshwalk.localcloud.LocalCloudStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code localcloud reset [--yes]}: forgets every stack the local cloud keeps (and its dashboards), after one
 * confirmation; a running local cloud is stopped first, since it would write its stacks back. Files set aside as
 * unreadable are left where the message named them.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Stops the local cloud and empties its saved state (every stack it kept), after a confirmation.")
final class LocalCloudReset implements Callable<Integer> {

    @ParentCommand
    LocalCloudCommand parent;

    @Option(names = {"-y", "--yes"}, description = "Reset without asking (for scripts).")
    boolean yes;

    Console console = Console.system();

    @Override
    public Integer call() {
        BackgroundLocalCloud cloud = new BackgroundLocalCloud(parent.stateDirectory());
        LocalCloudStorage storage = LocalCloudStorage.in(parent.stateDirectory());
        var running = cloud.find();
        String what = "the saved state in " + storage.directory()
                + running.map(r -> ", after stopping the local cloud at " + r.endpoint()).orElse("");
        if (!yes) {
            if (System.console() == null) {
                console.problem("Not resetting without confirmation: stdin is not a terminal. Run again with --yes.");
                return 1;
            }
            if (!console.ask("Delete every stack the local cloud keeps (" + what + ")?")) {
                console.line("Nothing was changed.");
                return 1;
            }
        }
        running.ifPresent(r -> console.line(cloud.stop(r)));
        try {
            storage.reset();
        } catch (IOException e) {
            console.problem("Could not empty " + storage.directory() + ": " + e.getMessage()
                    + ". Delete its files by hand once no local cloud runs.");
            return 1;
        }
        console.line("Reset: the local cloud starts with no stacks next time (" + storage.directory() + " emptied).");
        return 0;
    }
}

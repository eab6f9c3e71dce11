package dev.meshwalk.app;

import java.util.Optional;
import java.util.concurrent.Callable;

import dev.meshwalk.cloud.CloudSetupException;
import dev.meshwalk.cloud.DeployException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Shared frame of the scripted cloud subcommands: resolves the target from the inherited flags, turns the
 * expected failures (setup problems, refused deploys) into a message and exit code 1, never a stack trace.
 */
abstract class CloudCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    Console console = Console.system();
    TargetResolver resolver;

    @Override
    public final Integer call() throws Exception {
        try {
            if (resolver == null) {
                resolver = TargetResolver.current();
            }
            return run();
        } catch (CloudSetupException e) {
            console.problem(e.explain());
            return 1;
        } catch (DeployException e) {
            console.problem(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Anything else from the cloud (an endpoint that answers nonsense, a dropped connection): say it
            // plainly; the trace only on request, for bug reports.
            console.problem("Unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            console.problem("Check the target (`status`); set MESHWALK_DEBUG=1 to see the details.");
            if ("1".equals(System.getenv("MESHWALK_DEBUG"))) {
                e.printStackTrace(console.err);
            }
            return 1;
        }
    }

    /** The command's work; returns the exit code. */
    abstract int run() throws Exception;

    TargetOptions targetOptions() {
        return TargetOptions.of(spec);
    }

    Optional<TargetResolver.Resolved> target(TargetResolver.LocalCloudUse use) {
        return resolver.resolve(targetOptions(), use, console::line);
    }
}

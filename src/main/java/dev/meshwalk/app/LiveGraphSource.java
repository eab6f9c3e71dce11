package dev.meshwalk.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudSetupException;
import dev.meshwalk.cloud.DeployException;
import dev.meshwalk.cloud.ServiceGraphs;
import dev.meshwalk.graph.ServiceGraph;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code graph} subcommand's live path: GetServiceGraph for the last minutes from the current target
 * (flags inherited from the top-level command), through the cloud client. Problems become a message on
 * {@code err} and an empty result.
 */
final class LiveGraphSource {

    private LiveGraphSource() {
    }

    /** @param environment the command's environment (injected in tests; {@code System.getenv()} otherwise) */
    static Optional<ServiceGraph> fetch(CommandSpec spec, Duration window, PrintStream err,
            java.util.Map<String, String> environment) {
        try {
            TargetResolver resolver = TargetResolver.forEnvironment(environment);
            Optional<TargetResolver.Resolved> resolved = resolver.resolve(TargetOptions.of(spec),
                    TargetResolver.LocalCloudUse.ONLY_IF_RUNNING, err::println);
            if (resolved.isEmpty()) {
                err.println("No local cloud is running, so there is no service map yet. Run `deploy 0` and `traffic`"
                        + " first (or draw a saved answer with --from-file).");
                return Optional.empty();
            }
            try (CloudSession session = resolved.get().open()) {
                return Optional.of(new ServiceGraphs(session).lastMinutes(window));
            }
        } catch (CloudSetupException e) {
            err.println(e.explain());
        } catch (DeployException e) {
            err.println(e.getMessage());
        } catch (RuntimeException e) {
            err.println("Could not fetch the service graph: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return Optional.empty();
    }
}

package dev.meshwalk.app;

import java.util.List;
import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;

/**
 * What happens to the shared local cloud when a tutorial front-end quits. With something deployed it asks, on the
 * plain terminal after the full screen is gone: leave it running (the default, so {@code status}, {@code traffic}
 * and {@code aws --endpoint-url} keep working, and how to stop it later is printed) or stop it (its stacks are
 * saved either way). A local cloud the tutorial started that holds no stack at all is stopped without asking, so
 * opening the tutorial only to read leaves nothing behind.
 */
final class LocalCloudOnQuit {

    static final String STOP_LATER = "java -jar target/tutorial.jar localcloud stop";

    private final BackgroundLocalCloud localCloud;
    private final Console console;

    LocalCloudOnQuit(BackgroundLocalCloud localCloud, Console console) {
        this.localCloud = localCloud;
        this.console = console;
    }

    /** Runs after the front-end ended; {@code attached} is the local cloud this tutorial used, if any. */
    void handle(Optional<BackgroundLocalCloud.Running> attached) {
        Optional<BackgroundLocalCloud.Running> running = attached.flatMap(a -> localCloud.find());
        if (running.isEmpty()) {
            return;
        }
        BackgroundLocalCloud.Running r = running.get();
        List<StackInfo> stacks;
        try (CloudSession session = CloudSession.local(CloudTarget.local(r.endpoint()))) {
            stacks = new Stacks(session).managedStacks();
        } catch (RuntimeException e) {
            console.line("The local cloud at " + r.endpoint() + " keeps running; stop it with: " + STOP_LATER);
            return;
        }
        if (stacks.isEmpty()) {
            if (localCloud.startedByTutorial(r)) {
                localCloud.stop(r);
            }
            return;
        }
        console.line("The local cloud at " + r.endpoint() + " (pid " + r.pid() + ") holds " + describe(stacks) + ".");
        if (console.ask("Stop it now (its stacks are saved and come back at its next start)? The default leaves it running.")) {
            console.line(localCloud.stop(r));
        } else {
            console.line("");
            console.line("It keeps running for `status`, `traffic` and `aws --endpoint-url " + r.endpoint() + "`."
                    + " Stop it later with: " + STOP_LATER + " (or `teardown`).");
        }
    }

    private static String describe(List<StackInfo> stacks) {
        return String.join(", ", stacks.stream().map(s -> s.name() + " (" + s.status()
                + s.chapter().map(c -> ", chapter " + c).orElse("") + ")").toList());
    }
}

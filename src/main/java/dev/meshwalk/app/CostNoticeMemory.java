package dev.meshwalk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;

/**
 * Remembers, in the state directory, the account+region pairs whose cost notice the learner accepted, so the
 * notice shows once per account and region. Holds only account ids and region names: nothing secret.
 */
final class CostNoticeMemory {

    private final Path file;

    CostNoticeMemory(Path stateDir) {
        this.file = stateDir.resolve("aws-cost-notices-accepted.txt");
    }

    /**
     * The user's state directory, or the one named by the system property {@code meshwalk.stateDir} (tests point
     * it at a temporary directory so they never touch the real one).
     */
    static CostNoticeMemory forUser() {
        String override = System.getProperty("meshwalk.stateDir");
        return new CostNoticeMemory(override != null && !override.isBlank() ? Path.of(override)
                : UserDirs.from(System.getenv()).state());
    }

    /** Whether the notice was accepted for this session's account (see {@link #accountOf}) and region. */
    boolean accepted(CloudSession session) {
        return accepted(accountOf(session), session.target().region());
    }

    void remember(CloudSession session) {
        remember(accountOf(session), session.target().region());
    }

    /**
     * On AWS the account comes from STS (already proven when the session was opened); a forced AWS flow on an
     * endpoint is keyed by the endpoint, since a local cloud need not serve STS.
     */
    static String accountOf(CloudSession session) {
        return session.target().kind() == CloudTarget.Kind.AWS ? session.identity().account()
                : "endpoint " + session.target().endpoint().map(Object::toString).orElse("?");
    }

    boolean accepted(String account, String region) {
        try {
            return Files.isRegularFile(file) && Files.readAllLines(file, StandardCharsets.UTF_8).contains(key(account, region));
        } catch (IOException e) {
            return false;
        }
    }

    /** Records acceptance; a state directory that cannot be written only means the notice shows again. */
    void remember(String account, String region) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, List.of(key(account, region)), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // shown again next time: harmless
        }
    }

    private static String key(String account, String region) {
        return account + " " + region;
    }
}

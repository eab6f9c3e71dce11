package dev.meshwalk.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real AWS CLI as a subprocess against a local endpoint: pip's v1 ({@code aws} on PATH that reports
 * {@code aws-cli/1.x}) or Debian's v2 ({@code /usr/bin/aws}, {@code aws-cli/2.x}). The two speak different wire
 * protocols to some services, which is why tests run both.
 *
 * <p>Each call runs with test credentials, no pager, no instance metadata and an empty throw-away config home, so
 * the machine's own AWS profile can never leak in (or be reached). A test gets a CLI through {@link #installed}; when
 * that CLI is missing the test is skipped, saying what to install, rather than failed.
 */
public final class AwsCli {

    /** The two CLIs and where each is found. */
    public enum Version {
        /** pip's v1: whichever {@code aws} comes first on PATH. */
        V1("aws"),
        /** Debian's v2 package. */
        V2("/usr/bin/aws");

        private final String executable;

        Version(String executable) {
            this.executable = executable;
        }

        /** "v1" or "v2", as parameterized tests name them. */
        public static Version named(String which) {
            return valueOf(which.toUpperCase(Locale.ROOT));
        }

        /** How this CLI's {@code --version} begins: {@code aws-cli/1.} or {@code aws-cli/2.}. */
        private String banner() {
            return "aws-cli/" + name().substring(1) + ".";
        }

        private String install() {
            return this == V1 ? "pip install awscli" : "apt-get install awscli";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A guard against a hung CLI; a chapter deploy through the CLI takes seconds. */
    private static final long DEADLINE_SECONDS = 180;

    /** {@code aws --endpoint-url E --region R --output json}: what every call starts with. */
    private final List<String> command;
    private final Map<String, String> environment;

    private AwsCli(Version version, URI endpoint, String region) {
        this(List.of(version.executable, "--endpoint-url", endpoint.toString(), "--region", region,
                "--output", "json"), Map.of("AWS_DEFAULT_REGION", region));
    }

    private AwsCli(List<String> command, Map<String, String> environment) {
        this.command = command;
        this.environment = environment;
    }

    /** The same CLI with one more environment variable set for its runs (e.g. {@code HTTP_PROXY}). */
    public AwsCli withEnvironment(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(environment);
        more.put(name, value);
        return new AwsCli(command, Map.copyOf(more));
    }

    /** What a CLI run printed and how it ended. */
    public record Run(int exit, String out, String err) {

        /** Standard output as JSON; a failed assertion showing both streams when it is not JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + out + err, e);
            }
        }

        /** Everything printed, standard output then standard error (the CLI puts its error messages on the latter). */
        public String output() {
            return out + err;
        }
    }

    /** The CLI named "v1" or "v2", talking to {@code endpoint} in {@code region}; skips the test when not installed. */
    public static AwsCli installed(String which, URI endpoint, String region) {
        return installed(Version.named(which), endpoint, region);
    }

    /** The CLI {@code version}, talking to {@code endpoint} in {@code region}; skips the test when not installed. */
    public static AwsCli installed(Version version, URI endpoint, String region) {
        String missing = version + " AWS CLI not installed as " + version.executable + " (" + version.install()
                + "); skipped";
        try {
            Run reported = run(List.of(version.executable, "--version"), Map.of());
            assumeTrue(reported.exit() == 0 && reported.output().startsWith(version.banner()), missing);
        } catch (IOException e) {
            assumeTrue(false, missing + ": " + e.getMessage());
        }
        return new AwsCli(version, endpoint, region);
    }

    /** Runs {@code aws --endpoint-url E --region R --output json ARGS...}; later options win over these. */
    public Run run(String... args) throws IOException {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return run(all, environment);
    }

    private static Run run(List<String> command, Map<String, String> extraEnvironment) throws IOException {
        Path home = Files.createTempDirectory("aws-cli-home");
        try {
            Path out = home.resolve("stdout");
            Path err = home.resolve("stderr");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_PAGER", "");
            env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.remove("AWS_PROFILE");
            env.putAll(extraEnvironment);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("The AWS CLI did not finish within " + DEADLINE_SECONDS + " s: " + command);
            }
            return new Run(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            try (var files = Files.walk(home)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}

package dev.meshwalk.cloud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * What the machine says about AWS settings: environment variables, the shared config and credentials files,
 * and whether this is an EC2 instance. Passed in (not read from globals deep inside) so that target resolution
 * and its error messages can be tested with any environment.
 *
 * @param env        environment variables (normally {@code System.getenv()})
 * @param profiles   the shared config and credentials files, merged as the AWS CLI merges them
 * @param onEc2      whether instance metadata may hold credentials; probing it elsewhere only costs seconds
 */
public record AwsEnvironment(Map<String, String> env, ProfileFile profiles, boolean onEc2) {

    /** The real machine: {@code System.getenv()}, {@code ~/.aws/config}, {@code ~/.aws/credentials}. */
    public static AwsEnvironment current() {
        return of(System.getenv());
    }

    /** The machine as seen through these environment variables (callers that inject their environment). */
    public static AwsEnvironment of(Map<String, String> env) {
        return new AwsEnvironment(env, loadProfiles(env), looksLikeEc2(env));
    }

    /** Reads the two shared files the way the CLI finds them ({@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}). */
    public static ProfileFile loadProfiles(Map<String, String> env) {
        Path home = Path.of(Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank())
                .orElse(System.getProperty("user.home")));
        Path config = Optional.ofNullable(env.get("AWS_CONFIG_FILE")).map(Path::of)
                .orElse(home.resolve(".aws").resolve("config"));
        Path credentials = Optional.ofNullable(env.get("AWS_SHARED_CREDENTIALS_FILE")).map(Path::of)
                .orElse(home.resolve(".aws").resolve("credentials"));
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        if (Files.isReadable(config)) {
            all.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isReadable(credentials)) {
            all.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return all.build();
    }

    /**
     * True only on what looks like an EC2 instance (its DMI data names Amazon EC2) and when the user has not
     * turned instance metadata off ({@code AWS_EC2_METADATA_DISABLED=true}). Elsewhere the metadata probe would
     * only add seconds of waiting before the "no credentials" message.
     */
    static boolean looksLikeEc2(Map<String, String> env) {
        if ("true".equalsIgnoreCase(env.getOrDefault("AWS_EC2_METADATA_DISABLED", ""))) {
            return false;
        }
        return fileStartsWith("/sys/hypervisor/uuid", "ec2")
                || fileStartsWith("/sys/devices/virtual/dmi/id/board_asset_tag", "i-")
                || fileContains("/sys/devices/virtual/dmi/id/sys_vendor", "amazon ec2");
    }

    /** The profile a command means: {@code --profile}, else {@code AWS_PROFILE}, else none (the default chain). */
    public Optional<String> profileName(Optional<String> flag) {
        return flag.filter(p -> !p.isBlank()).or(() -> Optional.ofNullable(env.get("AWS_PROFILE")).filter(p -> !p.isBlank()));
    }

    /** Whether the shared files define this profile at all. */
    public boolean hasProfile(String name) {
        return profiles.profile(name).isPresent();
    }

    /** The region: {@code --region}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, then the profile's {@code region}. */
    public Optional<String> region(Optional<String> flag, Optional<String> profile) {
        return flag.filter(r -> !r.isBlank())
                .or(() -> Optional.ofNullable(env.get("AWS_REGION")).filter(r -> !r.isBlank()))
                .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")).filter(r -> !r.isBlank()))
                .or(() -> profiles.profile(profile.orElse("default")).flatMap(p -> p.property("region")));
    }

    /** Whether the profile signs in through IAM Identity Center (SSO), so "aws sso login" is the right advice. */
    public boolean isSsoProfile(String name) {
        return profiles.profile(name).map(AwsEnvironment::usesSso).orElse(false);
    }

    /**
     * Whether the profile was made by {@code aws login} (console sign-in credentials, {@code login_session}), so
     * "aws login" is the right advice. The SDK reads such profiles through its {@code signin} module.
     */
    public boolean isLoginProfile(String name) {
        return profiles.profile(name).map(p -> p.property("login_session").isPresent()).orElse(false);
    }

    private static boolean usesSso(Profile p) {
        return p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent();
    }

    private static boolean fileStartsWith(String file, String prefix) {
        return readSmall(file).map(s -> s.trim().toLowerCase(Locale.ROOT).startsWith(prefix)).orElse(false);
    }

    private static boolean fileContains(String file, String text) {
        return readSmall(file).map(s -> s.toLowerCase(Locale.ROOT).contains(text)).orElse(false);
    }

    private static Optional<String> readSmall(String file) {
        try {
            Path p = Path.of(file);
            return Files.isReadable(p) ? Optional.of(Files.readString(p)) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

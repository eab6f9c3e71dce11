package dev.meshwalk.cloud;

/**
 * A short-lived ECR login (from GetAuthorizationToken), held in memory only and never written anywhere. Its
 * {@link #toString()} hides the password so a log line or an exception message cannot leak it.
 *
 * @param registryHost e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com}
 * @param username     always {@code AWS} for ECR
 * @param password     the token's secret part
 */
public record RegistryLogin(String registryHost, String username, String password) {

    @Override
    public String toString() {
        return "RegistryLogin[" + registryHost + ", user " + username + ", password hidden]";
    }
}

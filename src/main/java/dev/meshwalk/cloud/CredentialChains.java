package dev.meshwalk.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;

/**
 * Builds the credential provider chain for each kind of target.
 *
 * <p>For AWS it is the SDK's default chain in the SDK's order, with two deliberate differences: an explicit
 * {@code --profile} means only that profile (as the AWS CLI does), and instance metadata is asked only on what
 * looks like EC2 (elsewhere the probe only delays the "no credentials" message by seconds). Named profiles go
 * through {@link ProfileCredentialsProvider}, which also serves SSO profiles via the SDK's {@code sso} module.
 */
final class CredentialChains {

    /** Any value works for the local cloud; it ignores signatures but the SDK insists on signing. */
    static final AwsBasicCredentials LOCAL_CREDENTIALS = AwsBasicCredentials.create("test", "test");

    private CredentialChains() {
    }

    static AwsCredentialsProvider forTarget(CloudTarget target, AwsEnvironment env, boolean profileFromFlag) {
        return switch (target.kind()) {
            case LOCAL -> StaticCredentialsProvider.create(LOCAL_CREDENTIALS);
            case ENDPOINT -> forEndpoint(target.profile(), env);
            case AWS -> forAws(target.profile(), env, profileFromFlag);
        };
    }

    /** A compatible endpoint: the user's keys if there are any, else dummy ones ("dummy creds if none"). */
    private static AwsCredentialsProvider forEndpoint(Optional<String> profile, AwsEnvironment env) {
        List<AwsCredentialsProvider> chain = new ArrayList<>();
        if (env.env().containsKey("AWS_ACCESS_KEY_ID")) {
            chain.add(EnvironmentVariableCredentialsProvider.create());
        }
        profile.ifPresent(p -> chain.add(profileProvider(p, env)));
        chain.add(StaticCredentialsProvider.create(LOCAL_CREDENTIALS));
        return chain.size() == 1 ? chain.get(0)
                : AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(chain).build();
    }

    private static AwsCredentialsProvider forAws(Optional<String> profile, AwsEnvironment env, boolean profileFromFlag) {
        if (profile.isPresent() && profileFromFlag) {
            return profileProvider(profile.get(), env);
        }
        List<AwsCredentialsProvider> chain = new ArrayList<>();
        chain.add(SystemPropertyCredentialsProvider.create());
        chain.add(EnvironmentVariableCredentialsProvider.create());
        chain.add(WebIdentityTokenFileCredentialsProvider.create());
        chain.add(profileProvider(profile.orElse("default"), env));
        chain.add(ContainerCredentialsProvider.builder().build());
        if (env.onEc2()) {
            chain.add(InstanceProfileCredentialsProvider.builder().profileFile(env.profiles()).build());
        }
        return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(chain).build();
    }

    private static AwsCredentialsProvider profileProvider(String profile, AwsEnvironment env) {
        return ProfileCredentialsProvider.builder().profileFile(env.profiles()).profileName(profile).build();
    }

}

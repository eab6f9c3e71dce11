package dev.meshwalk.localcloud.wire;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential scope of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/monitoring/aws4_request, ...}.
 *
 * <p>The local cloud never verifies signatures; it only reads the region (the endpoint URL of a local cloud
 * carries none, so this is the only place a client says which region it means) and the signing name
 * (which tells awsQuery requests of an unknown {@code Version} apart).
 */
public record SigV4Scope(Optional<String> region, Optional<String> service) {

    private static final Pattern CREDENTIAL = Pattern.compile(
            "Credential=[^/,\\s]*/\\d{8}/([^/,\\s]+)/([^/,\\s]+)/aws4_request");

    public static SigV4Scope none() {
        return new SigV4Scope(Optional.empty(), Optional.empty());
    }

    /** Parses an {@code Authorization} header; anything unrecognisable gives an empty scope. */
    public static SigV4Scope parse(String authorization) {
        if (authorization == null) {
            return none();
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        if (!m.find()) {
            return none();
        }
        return new SigV4Scope(Optional.of(m.group(1)), Optional.of(m.group(2)));
    }

    /** The region named by the request, or the one to assume when it names none. */
    public String regionOr(String fallback) {
        return region.orElse(fallback);
    }
}

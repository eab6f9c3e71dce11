package dev.meshwalk.localcloud.dataplane;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local cloud's one maker of identifiers: ARNs and ids shaped like the ones AWS hands out ({@code vpc-0a1b...}
 * with 17 hex digits, {@code ns-...}, hex task ids, generated names {@code <stack>-<Logical>-<RANDOM>}), so
 * templates, clients and learners see familiar values. It lives in the lowest layer so that every layer above
 * (provider, engine, service, wire) can use it.
 *
 * <p>The random parts come from {@link ThreadLocalRandom}: these ids name things, they guard nothing, and the data
 * plane makes several per request (a trace root at the load balancer, a segment id per proxy hop), where the
 * process-wide lock and {@code /dev/urandom} reads of a {@code SecureRandom} showed up in the profile of a loaded
 * request path. An instance is bound to the region and account the data plane pretends to be, for ARNs of things
 * it runs; layers that serve several regions pass the request's region and account to {@link #arn(String, String, String, String)}.
 */
public final class AwsIds {

    private static final String HEX = "0123456789abcdef";
    private static final String DIGITS = "0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final String region;
    private final String accountId;

    public AwsIds(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /** {@code arn:aws:<service>:<region>:<account>:<resource>} in this instance's region and account. */
    public String arn(String service, String resource) {
        return arn(service, region, accountId, resource);
    }

    /**
     * {@code arn:aws:<service>:<region>:<account>:<resource>}; an empty region for global services
     * ({@code arn:aws:iam::<account>:role/...}).
     */
    public static String arn(String service, String region, String accountId, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    public static String hex(int length) {
        return pick(HEX, length);
    }

    public static String digits(int length) {
        return pick(DIGITS, length);
    }

    /** Lower-case letters and digits ({@code ns-}, {@code srv-} ids). */
    public static String alphanumeric(int length) {
        return pick(LOWER, length);
    }

    /** Upper-case letters and digits (IAM unique ids, hosted zone ids, generated-name suffixes). */
    public static String upperAlphanumeric(int length) {
        return pick(UPPER, length);
    }

    /** {@code prefix-0} followed by 16 more hex digits: the modern 17-digit EC2 id. */
    public static String ec2(String prefix) {
        return prefix + "-0" + hex(16);
    }

    /** A Cloud Map namespace id, {@code ns-<16 lower-case alphanumerics>}. */
    public static String namespaceId() {
        return "ns-" + alphanumeric(16);
    }

    /** A Cloud Map service id, {@code srv-<16 lower-case alphanumerics>}. */
    public static String discoveryServiceId() {
        return "srv-" + alphanumeric(16);
    }

    /** A Route 53 hosted zone id, {@code Z<20 upper-case alphanumerics>}. */
    public static String hostedZoneId() {
        return "Z" + upperAlphanumeric(20);
    }

    /** A random UUID, as AWS uses for event ids, request ids and the last part of stack and container ARNs. */
    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** An X-Ray trace id root: {@code 1-<8 hex epoch seconds>-<24 hex>}. */
    public static String traceRoot() {
        return "1-" + Long.toHexString(System.currentTimeMillis() / 1000).toLowerCase(Locale.ROOT) + "-" + hex(24);
    }

    /**
     * The name CloudFormation generates for a resource the template did not name:
     * {@code <stack>-<LogicalId>-<13 random>}, parts shortened to fit {@code maxLength}.
     */
    public static String generatedName(String stackName, String logicalId, int maxLength) {
        String suffix = upperAlphanumeric(13);
        String name = stackName + "-" + logicalId + "-" + suffix;
        if (name.length() <= maxLength) {
            return name;
        }
        int room = Math.max(2, (maxLength - suffix.length() - 2) / 2);
        String s = stackName.substring(0, Math.min(stackName.length(), room));
        String l = logicalId.substring(0, Math.min(logicalId.length(), room));
        name = s + "-" + l + "-" + suffix;
        return name.length() <= maxLength ? name : name.substring(0, maxLength);
    }

    /** A generated name restricted to lower case (e.g. for Cloud Map or dashboards that dislike upper case). */
    public static String generatedLowerName(String stackName, String logicalId, int maxLength) {
        return generatedName(stackName, logicalId, maxLength).toLowerCase(Locale.ROOT);
    }

    private static String pick(String alphabet, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}

package dev.meshwalk.localcloud.provider;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Identifiers shaped like the ones AWS hands out ({@code vpc-0a1b...} with 17 hex digits, {@code ns-...},
 * generated names {@code <stack>-<Logical>-<RANDOM>}), so templates and learners see familiar values.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HEX = "0123456789abcdef";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {
    }

    /** {@code prefix-0} followed by 16 more hex digits: the modern 17-digit EC2 id. */
    public static String ec2(String prefix) {
        return prefix + "-0" + pick(HEX, 16);
    }

    public static String hex(int n) {
        return pick(HEX, n);
    }

    public static String upper(int n) {
        return pick(UPPER, n);
    }

    public static String lower(int n) {
        return pick(LOWER, n);
    }

    public static String digits(int n) {
        return pick("0123456789", n);
    }

    /**
     * The name CloudFormation generates for a resource the template did not name:
     * {@code <stack>-<LogicalId>-<13 random>}, parts shortened to fit {@code maxLength}.
     */
    public static String generatedName(String stackName, String logicalId, int maxLength) {
        String suffix = upper(13);
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

    private static String pick(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}

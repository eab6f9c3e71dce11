package dev.meshwalk.localcloud.dataplane;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Makes identifiers shaped like AWS's (hex task ids, Cloud Map ids, ELB suffixes) and the ARNs that hold them,
 * for the region and account the local cloud pretends to be.
 */
public final class AwsIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
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

    /** {@code arn:aws:<service>:<region>:<account>:<resource>}. */
    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    public String hex(int length) {
        return draw(HEX, length);
    }

    public String alphanumeric(int length) {
        return draw(ALNUM, length);
    }

    public String digits(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** An X-Ray trace id root: {@code 1-<8 hex epoch seconds>-<24 hex>}. */
    public String traceRoot() {
        return "1-" + Long.toHexString(System.currentTimeMillis() / 1000).toLowerCase(Locale.ROOT) + "-" + hex(24);
    }

    private String draw(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}

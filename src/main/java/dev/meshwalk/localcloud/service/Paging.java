package dev.meshwalk.localcloud.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * How one API pages a list answer: a page size member with its range and default, and a token that is the offset
 * of the next page in the API's own spelling.
 *
 * <p>Every list of the local cloud pages the same way (an offset into the full, ordered list), but each AWS API
 * names the members differently ({@code maxResults}, {@code MaxResults}, {@code limit}, {@code PageSize},
 * {@code MaxItems}; {@code nextToken}, {@code NextToken}, {@code Marker}), spells the token differently and words
 * its errors in its own way. An API declares those once as a {@code Paging}; the slicing, the token check and the
 * "more follow" rule live here. A token is read back only as an offset this service could have handed out: text
 * that does not decode, or decodes to a negative offset, is the API's bad-token error, never a stack trace.
 *
 * <p>Example: {@code Paging.decimalTokens("nextToken", t -> invalid("The specified nextToken is invalid."))
 * .sized("limit", 50, 1, 50, n -> invalid("limit must be between 1 and 50"))}.
 */
public final class Paging {

    private final String tokenMember;
    private final IntFunction<String> encode;
    private final ToIntFunction<String> decode;
    private final Function<String, AwsError> badToken;
    private final String sizeMember;
    private final int defaultSize;
    private final int minSize;
    private final int maxSize;
    private final IntFunction<AwsError> badSize;

    private Paging(String tokenMember, IntFunction<String> encode, ToIntFunction<String> decode,
                   Function<String, AwsError> badToken, String sizeMember, int defaultSize, int minSize, int maxSize,
                   IntFunction<AwsError> badSize) {
        this.tokenMember = tokenMember;
        this.encode = encode;
        this.decode = decode;
        this.badToken = badToken;
        this.sizeMember = sizeMember;
        this.defaultSize = defaultSize;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.badSize = badSize;
    }

    /**
     * Tokens spelt by {@code encode} and read back by {@code decode}, in and out under {@code tokenMember}.
     * {@code decode} may throw {@link IllegalArgumentException} or answer a negative offset for a token that is not
     * ours; either becomes {@code badToken} of the token. The page size is fixed at 100 until {@link #sized} or
     * {@link #fixedSize} says otherwise.
     */
    public static Paging tokens(String tokenMember, IntFunction<String> encode, ToIntFunction<String> decode,
                                Function<String, AwsError> badToken) {
        return new Paging(tokenMember, encode, decode, badToken, null, 100, 100, 100, n -> null);
    }

    /** Tokens that are the offset in decimal, e.g. {@code "100"}. */
    public static Paging decimalTokens(String tokenMember, Function<String, AwsError> badToken) {
        return tokens(tokenMember, Integer::toString, Integer::parseInt, badToken);
    }

    /** Tokens that are the decimal offset in Base64, so that clients treat them as opaque. */
    public static Paging base64Tokens(String tokenMember, Function<String, AwsError> badToken) {
        return tokens(tokenMember,
                from -> Base64.getEncoder().encodeToString(Integer.toString(from).getBytes(StandardCharsets.UTF_8)),
                token -> Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8)),
                badToken);
    }

    /** The client chooses the page size in {@code member}: {@code min} to {@code max}, else {@code outOfRange}. */
    public Paging sized(String member, int defaultSize, int min, int max, IntFunction<AwsError> outOfRange) {
        return new Paging(tokenMember, encode, decode, badToken, member, defaultSize, min, max, outOfRange);
    }

    /** Every page holds {@code size} entries (the API has no page size member). */
    public Paging fixedSize(int size) {
        return new Paging(tokenMember, encode, decode, badToken, null, size, size, size, n -> null);
    }

    /** The page of {@code all} that {@code input} asks for: size checked first, then the token. */
    public <T> Page<T> page(List<T> all, Params input) {
        int size = sizeMember == null ? defaultSize : input.integer(sizeMember).orElse(defaultSize);
        if (size < minSize || size > maxSize) {
            throw badSize.apply(size);
        }
        int from = input.string(tokenMember).map(this::offset).orElse(0);
        long end = (long) from + size;
        List<T> items = new ArrayList<>(all.subList(Math.min(from, all.size()), (int) Math.min(end, all.size())));
        return new Page<>(items, end < all.size() ? encode.apply((int) end) : null);
    }

    /** A new answer holding the page under {@code listMember} and the next token when more follow. */
    public <T> Map<String, Object> answer(List<T> all, Params input, String listMember) {
        return answer(all, input, listMember, item -> item);
    }

    /** As {@link #answer(List, Params, String)}, each entry of the page shown by {@code view}. */
    public <T> Map<String, Object> answer(List<T> all, Params input, String listMember,
                                          Function<? super T, ?> view) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(all, input, listMember, view, out);
        return out;
    }

    /** Puts the page under {@code listMember} into {@code out}, and the next token when more follow. */
    public <T> void put(List<T> all, Params input, String listMember, Map<String, Object> out) {
        put(all, input, listMember, item -> item, out);
    }

    private <T> void put(List<T> all, Params input, String listMember, Function<? super T, ?> view,
                         Map<String, Object> out) {
        Page<T> page = page(all, input);
        out.put(listMember, page.items().stream().map(view).toList());
        if (page.nextToken() != null) {
            out.put(tokenMember, page.nextToken());
        }
    }

    private int offset(String token) {
        int from;
        try {
            from = decode.applyAsInt(token);
        } catch (IllegalArgumentException notOurs) {
            throw badToken.apply(token);
        }
        if (from < 0) {
            throw badToken.apply(token);
        }
        return from;
    }

    /** One page: its entries, and the token of the next page, {@code null} on the last one. */
    public record Page<T>(List<T> items, String nextToken) {

        public boolean truncated() {
            return nextToken != null;
        }
    }
}

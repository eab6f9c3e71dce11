package dev.meshwalk.localcloud.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client is meant to see, carrying everything each protocol needs to encode it.
 *
 * <p>{@code code} is the awsQuery error code (e.g. {@code ValidationError}, {@code ResourceNotFound});
 * {@code shape} is the model's error shape name used as {@code __type} by JSON and CBOR protocols
 * (e.g. {@code DashboardNotFoundError}); for most errors the two are equal.
 */
public final class AwsError extends RuntimeException {

    private final String code;
    private final String shape;
    private final int httpStatus;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public AwsError(String code, String shape, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.shape = shape;
        this.httpStatus = httpStatus;
    }

    /** A 400 error whose query code and shape name are the same. */
    public static AwsError badRequest(String code, String message) {
        return new AwsError(code, code, 400, message);
    }

    /** CloudFormation's catch-all client error, the one the CLI and SDK waiters match on. */
    public static AwsError validation(String message) {
        return badRequest("ValidationError", message);
    }

    /**
     * Adds a modelled member of the error shape besides its message, e.g. CloudWatch's
     * {@code dashboardValidationMessages}; JSON and CBOR codecs write these next to {@code message}.
     */
    public AwsError withMember(String name, Object value) {
        members.put(name, value);
        return this;
    }

    /** Extra error-shape members (name as in the model), in insertion order; empty for most errors. */
    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    public String code() {
        return code;
    }

    public String shape() {
        return shape;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True for 5xx answers, which protocols mark as {@code Receiver} faults. */
    public boolean isServerFault() {
        return httpStatus >= 500;
    }
}

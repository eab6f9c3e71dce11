package dev.meshwalk.localcloud.engine;

/**
 * A CloudFormation failure a client is meant to see. The engine cannot know the wire layer, so it names the
 * CloudFormation error {@link Kind}; the service turns that into the query error code and HTTP status.
 */
public final class CfnException extends RuntimeException {

    /** The CloudFormation error codes the engine can raise. */
    public enum Kind {
        VALIDATION("ValidationError", 400),
        ALREADY_EXISTS("AlreadyExistsException", 400),
        INSUFFICIENT_CAPABILITIES("InsufficientCapabilitiesException", 400),
        CHANGE_SET_NOT_FOUND("ChangeSetNotFound", 404),
        INVALID_CHANGE_SET_STATUS("InvalidChangeSetStatus", 400);

        private final String code;
        private final int status;

        Kind(String code, int status) {
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int httpStatus() {
            return status;
        }
    }

    private final Kind kind;

    public CfnException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static CfnException validation(String message) {
        return new CfnException(Kind.VALIDATION, message);
    }

    /** "Template format error: ..." as CloudFormation words a template it cannot accept. */
    public static CfnException templateFormat(String detail) {
        return validation("Template format error: " + detail);
    }

    public Kind kind() {
        return kind;
    }
}

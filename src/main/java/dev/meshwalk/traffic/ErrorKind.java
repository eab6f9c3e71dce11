package dev.meshwalk.traffic;

/**
 * Why a request of the traffic loop failed, each with the short explanation a learner sees next to the count,
 * pointing at the part of the architecture that is the likely cause.
 */
public enum ErrorKind {
    HTTP_5XX("HTTP 5xx", "front answered with an error: usually its call to color failed (no healthy color task,"
            + " DNS or proxy not ready)"),
    HTTP_OTHER("HTTP other", "an unexpected status: the load balancer has no rule for /color, or the path is wrong"),
    TIMEOUT("timeout", "no answer in time: a task, load balancer or proxy is stuck or overloaded"),
    UNRESOLVED("no DNS", "the endpoint's host name does not resolve here: it is not a local-cloud address, or DNS is"
            + " not set up for it"),
    CONNECTION_REFUSED("refused", "nothing listens at the endpoint: the stack or its load balancer is not up (yet)"),
    BAD_RESPONSE("bad answer", "the answer is not front's JSON: the endpoint is not the tutorial's front service"),
    OTHER("other", "the connection broke: the endpoint went away mid-request");

    private final String label;
    private final String explanation;

    ErrorKind(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}

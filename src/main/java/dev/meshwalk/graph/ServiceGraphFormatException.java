package dev.meshwalk.graph;

/**
 * A saved service-graph answer that cannot be read. The message says what is wrong, where (a JSON path
 * such as {@code Services[2].Edges[0].ReferenceId}) and what to do, so callers print it as it is.
 */
public final class ServiceGraphFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;

    public ServiceGraphFormatException(String path, String message) {
        super(path.isEmpty() ? message : path + ": " + message);
        this.path = path;
    }

    /** Where in the document the problem is; empty for the document as a whole. */
    public String path() {
        return path;
    }
}

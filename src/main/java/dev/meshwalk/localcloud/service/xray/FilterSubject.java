package dev.meshwalk.localcloud.service.xray;

import java.util.List;

/**
 * What a filter-expression keyword reads. A whole trace answers from its root segment (as X-Ray's
 * trace-level keywords do); inside {@code service("x") { ... }} each segment of that service answers
 * for itself.
 */
interface FilterSubject {

    TraceEntity.Outcome outcome();

    boolean partial();

    /** Seconds the root (or this) segment took. */
    double responseTime();

    /** Seconds from the first start to the last end of the trace (or this segment). */
    double duration();

    TraceEntity.Http http();

    String user();

    /** An annotation value (String, Number or Boolean), or null when absent. */
    Object annotation(String key);

    /** The segments of the named service, each as a subject of its own. */
    List<FilterSubject> service(String name);

    /** One segment seen as a filter subject. */
    static FilterSubject of(TraceEntity segment) {
        return new FilterSubject() {
            @Override
            public TraceEntity.Outcome outcome() {
                return segment.outcome();
            }

            @Override
            public boolean partial() {
                return segment.inProgress();
            }

            @Override
            public double responseTime() {
                return segment.duration();
            }

            @Override
            public double duration() {
                return segment.duration();
            }

            @Override
            public TraceEntity.Http http() {
                return segment.http();
            }

            @Override
            public String user() {
                return segment.user();
            }

            @Override
            public Object annotation(String key) {
                return segment.annotations().get(key);
            }

            @Override
            public List<FilterSubject> service(String name) {
                return segment.name().equals(name) ? List.of(this) : List.of();
            }
        };
    }
}

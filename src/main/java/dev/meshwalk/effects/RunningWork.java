package dev.meshwalk.effects;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

import dev.meshwalk.core.Msg;

/**
 * What long work runs now (a deploy, a teardown, the traffic loop), across the flows and their threads; tells the
 * core when "something runs" flips, so quitting asks first. The one object the flows share, hence synchronized.
 */
final class RunningWork {

    enum Kind {
        DEPLOY, TEARDOWN, TRAFFIC
    }

    private final Consumer<Msg> post;
    private final Set<Kind> running = EnumSet.noneOf(Kind.class);

    RunningWork(Consumer<Msg> post) {
        this.post = post;
    }

    synchronized void set(Kind kind, boolean now) {
        boolean before = !running.isEmpty();
        if (now) {
            running.add(kind);
        } else {
            running.remove(kind);
        }
        if (before != !running.isEmpty()) {
            post.accept(new Msg.RunningChanged(!running.isEmpty()));
        }
    }
}

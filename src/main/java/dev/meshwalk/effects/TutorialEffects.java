package dev.meshwalk.effects;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Handlers;
import dev.meshwalk.core.Mark;
import dev.meshwalk.core.Msg;
import dev.meshwalk.progress.ProgressStore;

/**
 * Runs the core's effects off the UI thread and posts the outcome back as Msgs. Today that is progress (load and
 * save, on one "progress-io" thread so writes stay in order) and hands the actions' effects to {@link ActionEffects}.
 * {@link Effect.Quit} is the front-end's business; an effect nobody handles throws (a test proves every kind of
 * {@link Effect} but Quit is handled here).
 */
public final class TutorialEffects implements EffectRunner {

    private final ProgressStore progress;
    private final Consumer<Msg> post;
    private final ExecutorService progressIo;
    private final Handlers<Effect, Consumer<Effect>> progressEffects = progressEffects();

    private final ActionEffects actions;

    public TutorialEffects(ProgressStore progress, Consumer<Msg> post) {
        this(progress, post, null);
    }

    /** With the actions (deploy, traffic, map, metrics, teardown); {@code actions} may be null in tests. */
    public TutorialEffects(ProgressStore progress, Consumer<Msg> post, ActionEffects actions) {
        this.actions = actions;
        this.progress = progress;
        this.post = post;
        this.progressIo = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "progress-io");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void run(Effect effect) {
        try {
            if (progressEffects.kinds().contains(effect.getClass())) {
                progressEffects.of(effect).accept(effect);
            } else if (actions != null && actions.kinds().contains(effect.getClass())) {
                actions.run(effect);
            } else {
                // Nobody handles it (a new Effect without a handler, or Quit, which the front-ends keep): fail loudly.
                throw new IllegalStateException("no handler for the effect " + effect.getClass().getName()
                        + (actions == null ? " (this runner has no actions)" : ""));
            }
        } catch (RejectedExecutionException e) {
            post.accept(new Msg.ProgressSaveFailed("too many pending writes or shutting down"));
        }
    }

    /** Every kind of effect this runner handles: progress, and the actions' when it has them. */
    public Set<Class<?>> kinds() {
        Set<Class<?>> all = new HashSet<>(progressEffects.kinds());
        if (actions != null) {
            all.addAll(actions.kinds());
        }
        return all;
    }

    private Handlers<Effect, Consumer<Effect>> progressEffects() {
        Handlers.Builder<Effect, Consumer<Effect>> table = Handlers.builder("effect");
        ActionEffects.on(table, Effect.LoadProgress.class, e -> progressIo.execute(this::load));
        ActionEffects.on(table, Effect.SaveProgress.class, save -> progressIo.execute(() -> save(save)));
        return table.build();
    }

    private void load() {
        ProgressStore.Loaded loaded = progress.load();
        Map<String, Mark> marks = new HashMap<>();
        loaded.marks().forEach((id, name) -> Mark.parse(name).ifPresent(m -> marks.put(id, m)));
        post.accept(new Msg.ProgressLoaded(marks, loaded.parameters(), loaded.problem()));
    }

    private void save(Effect.SaveProgress what) {
        Map<String, String> names = new HashMap<>();
        what.marks().forEach((id, m) -> names.put(id, m.name()));
        try {
            progress.save(names, what.parameters());
        } catch (IOException | RuntimeException e) {
            post.accept(new Msg.ProgressSaveFailed(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** Lets queued writes finish (a few milliseconds each) so quitting never loses the last mark. */
    @Override
    public void close() {
        if (actions != null) {
            actions.close();
        }
        progressIo.shutdown();
        try {
            if (!progressIo.awaitTermination(5, TimeUnit.SECONDS)) {
                progressIo.shutdownNow();
            }
        } catch (InterruptedException e) {
            progressIo.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

package dev.meshwalk.localcloud.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an engine's stacks in a file across local-cloud runs: {@link #open} reads what a previous run saved,
 * puts every stack back (deleted ones too, for ListStacks) and restores the live ones through their providers,
 * then saves every change from then on. Format and guarantees: {@code docs/localcloud-state.md}.
 */
public final class SavedStacks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SavedStacks.class);

    private final SavedStateWriter writer;
    private final Optional<String> notice;
    private final List<String> problems;

    private SavedStacks(SavedStateWriter writer, Optional<String> notice, List<String> problems) {
        this.writer = writer;
        this.notice = notice;
        this.problems = problems;
    }

    /**
     * Restores the engine from {@code file} (if it exists) and saves into it from now on. Call before the engine
     * serves any request. A file that cannot be read is moved aside ({@link #notice()} says where).
     */
    public static SavedStacks open(CloudFormationEngine engine, Path file) {
        SavedStateFile stored = new SavedStateFile(file);
        SavedStateFile.Read read = stored.read();
        SavedStateCodec codec = new SavedStateCodec(engine.inputs());
        List<Stack> loaded = new ArrayList<>();
        Optional<String> notice = read.notice();
        try {
            for (SavedState.SavedStack saved : read.state().map(SavedState::stacks).orElse(List.of())) {
                loaded.add(codec.load(saved));
            }
        } catch (RuntimeException e) {
            loaded.clear();
            notice = Optional.of(stored.setAside("a stack in it cannot be read (" + e.getMessage() + ")"));
        }
        notice.ifPresent(LOG::warn);
        StackTable table = engine.table();
        loaded.forEach(table::add);
        SavedStateWriter writer = new SavedStateWriter(stored, SavedStateWriter.of(codec, table::all));
        table.onChange(writer::changed);
        engine.beforeAnswering(writer::flushIfChanged);
        StackRestorer restorer = new StackRestorer(engine.providers(), engine.inputs(), engine.exportTable(),
                engine.runner());
        List<String> problems = new ArrayList<>();
        for (Stack stack : loaded) {
            problems.addAll(restorer.restore(stack, table.all()));
        }
        if (!loaded.isEmpty()) {
            LOG.info("restored {} stacks from {}", loaded.size(), file);
        }
        writer.changed();
        return new SavedStacks(writer, notice, List.copyOf(problems));
    }

    /** Where an unreadable saved state was moved, if one was. */
    public Optional<String> notice() {
        return notice;
    }

    /** Resources that could not be brought back (their stack exists; the resource may not answer). */
    public List<String> problems() {
        return problems;
    }

    /** Saves the last state and stops saving. */
    @Override
    public void close() {
        writer.close();
    }
}

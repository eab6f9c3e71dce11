package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.SavedState.SavedChangeSet;
import dev.meshwalk.localcloud.engine.SavedState.SavedConfig;
import dev.meshwalk.localcloud.engine.SavedState.SavedEvent;
import dev.meshwalk.localcloud.engine.SavedState.SavedResource;
import dev.meshwalk.localcloud.engine.SavedState.SavedStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns live stacks into {@link SavedState} and back. Reading back parses each template again and rebuilds the
 * stack objects with their ids, times, events, resources and change sets; bringing the resources' running parts
 * back is {@link StackRestorer}'s job.
 */
final class SavedStateCodec {

    private final StackInputs inputs;

    SavedStateCodec(StackInputs inputs) {
        this.inputs = inputs;
    }

    SavedState save(List<Stack> stacks) {
        List<SavedStack> out = new ArrayList<>();
        for (Stack s : stacks) {
            List<SavedResource> resources = s.resources().stream().map(SavedStateCodec::resource).toList();
            List<SavedEvent> events = new ArrayList<>();
            List<StackEvent> oldestFirst = new ArrayList<>(s.eventsNewestFirst());
            java.util.Collections.reverse(oldestFirst);
            for (StackEvent e : oldestFirst) {
                events.add(new SavedEvent(e.eventId(), e.logicalResourceId(), e.physicalResourceId(), e.resourceType(),
                        text(e.timestamp()), e.resourceStatus(), e.resourceStatusReason(), e.resourceProperties()));
            }
            List<SavedChangeSet> changeSets = s.changeSets().stream().map(cs -> new SavedChangeSet(cs.id(), cs.name(),
                    cs.type(), cs.description(), config(cs.template(), cs.parameters(), cs.capabilities(), cs.tags(),
                            cs.notificationArns(), false), text(cs.creationTime()), cs.changes(), cs.statusReason(),
                    cs.executionStatus().name())).toList();
            Stack.Config pending = s.pending();
            out.add(new SavedStack(s.id(), s.name(), s.region(), s.accountId(), text(s.creationTime()),
                    s.status().name(), s.statusReason(), text(s.lastUpdated()), text(s.deletionTime()), s.changeSetId(),
                    config(s.config()), pending == null ? null : config(pending), s.outputs(), s.imports(), resources,
                    events, changeSets, s.resourcesBeforePending().stream().map(SavedStateCodec::resource).toList()));
        }
        return new SavedState(SavedState.VERSION, out);
    }

    /** The stack as saved, not yet in any table; its resources' running parts are not brought back here. */
    Stack load(SavedStack saved) {
        Stack.Config config = config(saved.config());
        Stack stack = new Stack(saved.id(), saved.name(), saved.region(), saved.accountId(),
                StackStatus.valueOf(saved.status()), config, Instant.parse(saved.creationTime()));
        stack.settle(config, saved.outputs(), saved.imports());
        stack.restoreTimes(saved.statusReason(), time(saved.lastUpdated()), time(saved.deletionTime()),
                saved.changeSetId());
        if (saved.pending() != null) {
            stack.pending(config(saved.pending()), saved.resourcesBeforePending().stream().map(SavedStateCodec::resource)
                    .toList());
        }
        for (SavedEvent e : saved.events()) {
            stack.restoreEvent(new StackEvent(e.eventId(), saved.id(), saved.name(), e.logicalResourceId(),
                    e.physicalResourceId(), e.resourceType(), Instant.parse(e.timestamp()), e.resourceStatus(),
                    e.resourceStatusReason(), e.resourceProperties()));
        }
        for (SavedResource r : saved.resources()) {
            stack.putResource(resource(r));
        }
        for (SavedChangeSet cs : saved.changeSets()) {
            SavedConfig c = cs.config();
            ChangeSet changeSet = new ChangeSet(cs.id(), cs.name(), stack, cs.type(), cs.description(),
                    inputs.parse(c.templateBody()), parameters(c), c.capabilities(), c.tags(), c.notificationArns(),
                    cs.changes(), cs.statusReason(), Instant.parse(cs.creationTime()));
            changeSet.executionStatus(ChangeSet.ExecutionStatus.valueOf(cs.executionStatus()));
            stack.putChangeSet(changeSet);
        }
        return stack;
    }

    private static SavedResource resource(StackResource r) {
        return new SavedResource(r.logicalId(), r.type(), r.physicalId(), r.attributes(), r.properties(),
                name(r.status()), r.statusReason(), text(r.lastUpdated()));
    }

    private static StackResource resource(SavedResource r) {
        return new StackResource(r.logicalId(), r.type(), r.physicalId(), r.attributes(), r.properties(),
                r.status() == null ? null : ResourceStatus.valueOf(r.status()), r.statusReason(), time(r.lastUpdated()));
    }

    private static SavedConfig config(Stack.Config c) {
        return config(c.template(), c.parameters(), c.capabilities(), c.tags(), c.notificationArns(), c.disableRollback());
    }

    private Stack.Config config(SavedConfig c) {
        return new Stack.Config(inputs.parse(c.templateBody()), parameters(c), c.capabilities(), c.tags(),
                c.notificationArns(), c.disableRollback());
    }

    private static SavedConfig config(Template t, ParameterValues p, List<String> capabilities,
                                      java.util.Map<String, String> tags, List<String> notificationArns,
                                      boolean disableRollback) {
        return new SavedConfig(t.body(), p.given(), p.resolved(), p.noEcho(), capabilities, tags, notificationArns,
                disableRollback);
    }

    private static ParameterValues parameters(SavedConfig c) {
        return new ParameterValues(c.givenParameters(), c.resolvedParameters(), c.noEcho());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant time(String t) {
        return t == null ? null : Instant.parse(t);
    }
}

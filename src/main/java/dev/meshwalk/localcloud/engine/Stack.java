package dev.meshwalk.localcloud.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One stack and its history. Requests read it while an operation thread changes it, so every mutable field is
 * guarded by the stack's monitor and readers get copies; events are append-only.
 */
public final class Stack {

    /** The stack's settled configuration: what its last successful operation left in place. */
    public record Config(Template template, ParameterValues parameters, List<String> capabilities,
                         Map<String, String> tags, List<String> notificationArns, boolean disableRollback) {
    }

    /** A resolved output. */
    public record Output(String key, String value, String description, String exportName) {
    }

    private final String id;
    private final String name;
    private final String region;
    private final String accountId;
    private final Instant creationTime;
    private final List<StackEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, StackResource> resources = new LinkedHashMap<>();
    private final Map<String, ChangeSet> changeSets = new LinkedHashMap<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private StackStatus status;
    private String statusReason;
    private Config config;
    private List<Output> outputs = List.of();
    private Set<String> imports = Set.of();
    private Instant lastUpdated;
    private Instant deletionTime;
    private String changeSetId;
    private boolean busy;
    private Instant lastEventTime;
    private volatile Runnable onChange = () -> { };
    private Config pending;
    private List<StackResource> before = List.of();

    Stack(String id, String name, String region, String accountId, StackStatus status, Config config) {
        this(id, name, region, accountId, status, config, Instant.now());
    }

    Stack(String id, String name, String region, String accountId, StackStatus status, Config config,
          Instant creationTime) {
        this.id = id;
        this.name = name;
        this.region = region;
        this.accountId = accountId;
        this.status = status;
        this.config = config;
        this.creationTime = creationTime;
    }

    /** Called after every change of this stack (status, resources, outputs, events, change sets): the state writer. */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    void changed() {
        onChange.run();
    }

    /** The configuration an update is moving to while it runs (saved, so a restart can undo it), else null. */
    synchronized Config pending() {
        return pending;
    }

    synchronized void pending(Config moving) {
        pending(moving, List.of());
    }

    /**
     * As {@link #pending(Config)}, with the resources as they were when the update began: a restart after the local
     * cloud was killed mid-update brings back the physical resources the update was replacing from them, and the
     * rollback puts them back in place (as CloudFormation keeps an old resource until the update's cleanup).
     */
    synchronized void pending(Config moving, java.util.Collection<StackResource> resourcesBefore) {
        this.pending = moving;
        this.before = moving == null ? List.of() : List.copyOf(resourcesBefore);
        changed();
    }

    /** The resources as they were when the running update began (empty when none runs). */
    synchronized List<StackResource> resourcesBeforePending() {
        return before;
    }

    /** Puts back what a saved stack had besides its config, resources and events (see {@code StackRestorer}). */
    synchronized void restoreTimes(String reason, Instant updated, Instant deleted, String lastChangeSetId) {
        this.statusReason = reason;
        this.lastUpdated = updated;
        this.deletionTime = deleted;
        this.changeSetId = lastChangeSetId;
    }

    /** Appends a saved event as it was (time and id included). */
    void restoreEvent(StackEvent event) {
        synchronized (events) {
            events.add(event);
            lastEventTime = event.timestamp();
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The region the stack was made in (from the request's SigV4 scope). */
    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public synchronized StackStatus status() {
        return status;
    }

    public synchronized String statusReason() {
        return statusReason;
    }

    public synchronized Config config() {
        return config;
    }

    public synchronized List<Output> outputs() {
        return outputs;
    }

    public synchronized Instant lastUpdated() {
        return lastUpdated;
    }

    public synchronized Instant deletionTime() {
        return deletionTime;
    }

    public synchronized String changeSetId() {
        return changeSetId;
    }

    public synchronized boolean isDeleted() {
        return status == StackStatus.DELETE_COMPLETE;
    }

    /** Events newest first, as DescribeStackEvents returns them. */
    public List<StackEvent> eventsNewestFirst() {
        List<StackEvent> out = new ArrayList<>(events);
        java.util.Collections.reverse(out);
        return out;
    }

    public synchronized List<StackResource> resources() {
        return new ArrayList<>(resources.values());
    }

    public synchronized StackResource resource(String logicalId) {
        return resources.get(logicalId);
    }

    public synchronized List<ChangeSet> changeSets() {
        return new ArrayList<>(changeSets.values());
    }

    synchronized ChangeSet changeSet(String nameOrId) {
        for (ChangeSet cs : changeSets.values()) {
            if (cs.name().equals(nameOrId) || cs.id().equals(nameOrId)) {
                return cs;
            }
        }
        return null;
    }

    synchronized void putChangeSet(ChangeSet cs) {
        changeSets.put(cs.name(), cs);
        changed();
    }

    synchronized void removeChangeSet(ChangeSet cs) {
        changeSets.remove(cs.name());
        changed();
    }

    synchronized void clearChangeSets() {
        changeSets.clear();
        changed();
    }

    synchronized Set<String> imports() {
        return imports;
    }

    synchronized Map<String, StackResource> resourceMap() {
        return new LinkedHashMap<>(resources);
    }

    synchronized void putResource(StackResource r) {
        resources.put(r.logicalId(), r);
        changed();
    }

    synchronized void removeResource(String logicalId) {
        resources.remove(logicalId);
        changed();
    }

    synchronized void replaceResources(Map<String, StackResource> all) {
        resources.clear();
        resources.putAll(all);
        changed();
    }

    /** Claims the stack for one operation; false when another one is running. */
    synchronized boolean tryBegin() {
        if (busy) {
            return false;
        }
        busy = true;
        cancelRequested.set(false);
        return true;
    }

    synchronized void end() {
        busy = false;
    }

    synchronized boolean isBusy() {
        return busy;
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    void requestCancel() {
        cancelRequested.set(true);
    }

    synchronized void status(StackStatus newStatus, String reason) {
        this.status = newStatus;
        this.statusReason = reason;
        if (newStatus.marksUpdate()) {
            lastUpdated = Instant.now();
        }
        if (newStatus == StackStatus.DELETE_COMPLETE) {
            deletionTime = Instant.now();
        }
        changed();
    }

    synchronized void settle(Config newConfig, List<Output> newOutputs, Set<String> newImports) {
        this.config = newConfig;
        this.outputs = List.copyOf(newOutputs);
        this.imports = Set.copyOf(newImports);
        changed();
    }

    synchronized void changeSetId(String id) {
        this.changeSetId = id;
        changed();
    }

    /**
     * Appends an event stamped under one lock, so events from parallel workers are recorded in timestamp
     * order and "newest first" is both list order and time order.
     */
    void addEvent(java.util.function.Function<Instant, StackEvent> make) {
        synchronized (events) {
            Instant now = Instant.now();
            if (lastEventTime != null && now.isBefore(lastEventTime)) {
                now = lastEventTime;
            }
            lastEventTime = now;
            events.add(make.apply(now));
        }
        changed();
    }
}

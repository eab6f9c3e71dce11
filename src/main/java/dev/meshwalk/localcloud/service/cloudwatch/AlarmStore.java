package dev.meshwalk.localcloud.service.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.dataplane.AlarmStates;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metric alarms of the local cloud and their states, evaluated against the {@link MetricStore} by
 * {@link AlarmEvaluator}: after {@link #evaluateInBackground()}, twice a second on one daemon thread
 * ({@code localcloud-alarms}, started with the first alarm); tests call {@link #evaluateAll} with their own clock. Both {@code PutMetricAlarm} and {@code AWS::CloudWatch::Alarm} resources land here, and ECS deployments
 * read it through {@link AlarmStates}. Every state change and configuration change is kept as a history item
 * (the newest {@value #MAX_HISTORY}).
 */
public final class AlarmStore implements AlarmStates, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_HISTORY = 1000;
    private static final long TICK_MILLIS = 500;

    /** One history item, as {@code DescribeAlarmHistory} lists it. */
    record HistoryItem(String alarmName, Instant timestamp, String type, String summary, String data) {
    }

    private final MetricStore metrics;
    private final AlarmEvaluator evaluator;
    private final Map<String, MetricAlarm> alarms = new ConcurrentSkipListMap<>();
    private final Map<String, AlarmState> states = new ConcurrentSkipListMap<>();
    private final List<HistoryItem> history = new ArrayList<>();
    private final Object tickerLock = new Object();
    private ScheduledExecutorService ticker;
    private boolean background;
    private boolean closed;

    public AlarmStore(MetricStore metrics, LocalTimings timings) {
        this.metrics = metrics;
        this.evaluator = new AlarmEvaluator(metrics, timings);
    }

    java.time.Clock clock() {
        return metrics.clock();
    }

    /** Creates or replaces an alarm; an existing alarm keeps its state, as CloudWatch does. */
    synchronized void put(MetricAlarm alarm) {
        boolean created = alarms.put(alarm.name(), alarm) == null;
        Instant now = metrics.clock().instant();
        states.putIfAbsent(alarm.name(), AlarmState.initial(now));
        record(alarm.name(), now, "ConfigurationUpdate", "Alarm \"" + alarm.name() + "\" " + (created ? "created" : "updated"),
                json(Map.of("type", "Update", "version", "1.0")));
        startTicking();
    }

    /** Deletes all named alarms, or none when one of them does not exist; returns the missing names. */
    synchronized List<String> delete(Collection<String> names) {
        List<String> missing = names.stream().filter(n -> !alarms.containsKey(n)).toList();
        if (missing.isEmpty()) {
            Instant now = metrics.clock().instant();
            for (String name : names) {
                alarms.remove(name);
                states.remove(name);
                record(name, now, "ConfigurationUpdate", "Alarm \"" + name + "\" deleted",
                        json(Map.of("type", "Delete", "version", "1.0")));
            }
        }
        return missing;
    }

    /** Sets a state by hand ({@code SetAlarmState}); the next evaluation decides again, as on AWS. */
    synchronized void setState(String name, String value, String reason, String reasonData) {
        if (!alarms.containsKey(name)) {
            throw new NoSuchElementException(name);
        }
        transition(name, value, reason, reasonData, metrics.clock().instant());
    }

    /** Evaluates every alarm at {@code now}; the ticker calls this, tests call it with their own clock. */
    public synchronized void evaluateAll(Instant now) {
        for (MetricAlarm alarm : alarms.values()) {
            AlarmEvaluator.Outcome outcome = evaluator.evaluate(alarm, now);
            if (outcome != null) {
                transition(alarm.name(), outcome.state(), outcome.reason(), outcome.reasonData(), now);
            }
        }
    }

    /** Alarms with their states, by name. */
    synchronized List<Map.Entry<MetricAlarm, AlarmState>> alarms() {
        List<Map.Entry<MetricAlarm, AlarmState>> out = new ArrayList<>();
        alarms.values().forEach(a -> out.add(Map.entry(a, states.get(a.name()))));
        return out;
    }

    /** History items, newest first. */
    synchronized List<HistoryItem> history() {
        List<HistoryItem> out = new ArrayList<>(history);
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public synchronized List<String> inAlarm(Collection<String> alarmNames) {
        return alarmNames.stream().filter(n -> {
            AlarmState s = states.get(n);
            return s != null && s.value().equals(AlarmState.ALARM);
        }).toList();
    }

    /** The state of one alarm, or null when there is no such alarm. */
    public synchronized String stateOf(String name) {
        AlarmState s = states.get(name);
        return s == null ? null : s.value();
    }

    private void transition(String name, String value, String reason, String reasonData, Instant now) {
        AlarmState old = states.get(name);
        if (old.value().equals(value)) {
            return; // like CloudWatch: the reason and timestamps describe the last transition
        }
        AlarmState next = old.next(value, reason, reasonData, now);
        states.put(name, next);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", "1.0");
        data.put("oldState", Map.of("stateValue", old.value(), "stateReason", old.reason()));
        data.put("newState", Map.of("stateValue", value, "stateReason", reason));
        record(name, now, "StateUpdate", "Alarm updated from " + old.value() + " to " + value, json(data));
        LOG.info("alarm {}: {} -> {} ({})", name, old.value(), value, reason);
    }

    private void record(String name, Instant at, String type, String summary, String data) {
        history.add(new HistoryItem(name, at, type, summary, data));
        if (history.size() > MAX_HISTORY) {
            history.remove(0);
        }
    }

    /** Evaluates every alarm twice a second from now on (the thread starts with the first alarm). */
    public void evaluateInBackground() {
        synchronized (tickerLock) {
            background = true;
        }
        if (!alarms.isEmpty()) {
            startTicking();
        }
    }

    private void startTicking() {
        synchronized (tickerLock) {
            if (background && ticker == null && !closed) {
                ticker = newTicker();
            }
        }
    }

    private ScheduledExecutorService newTicker() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "localcloud-alarms");
            t.setDaemon(true);
            return t;
        });
        pool.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return pool;
    }

    private void tick() {
        try {
            evaluateAll(metrics.clock().instant());
        } catch (RuntimeException e) {
            LOG.warn("alarm evaluation failed; trying again at the next tick", e);
        }
    }

    private static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history data is plain JSON", e);
        }
    }

    /** Stops the evaluation thread and waits for it to end; idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (tickerLock) {
            closed = true;
            stopping = ticker;
            ticker = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

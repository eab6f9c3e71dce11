package dev.meshwalk.localcloud.service.cloudwatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.engine.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboards PutDashboard made, by name. With {@link #saveIn} they are also kept in a file across local-cloud
 * runs (the tutorial puts its per-node dashboards with the API, not in a stack): read once, rewritten whole after
 * each change through a temporary file and a rename; a file that cannot be read is moved aside, never dropped.
 */
public final class DashboardStore {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    /** One dashboard as the API shows it. */
    record Dashboard(String name, String body, Instant lastModified) {
    }

    private final Map<String, Dashboard> byName = new ConcurrentSkipListMap<>();
    private volatile Path file;

    /** Loads the dashboards saved in {@code path} and saves every change there; returns a notice if it set one aside. */
    public synchronized Optional<String> saveIn(Path path) {
        this.file = path;
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> saved = JSON.readValue(path.toFile(), new TypeReference<Map<String, Object>>() { });
            if (!Integer.valueOf(VERSION).equals(saved.get("version"))) {
                throw new IOException("format " + saved.get("version") + ", expected " + VERSION);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, String>> list = (List<Map<String, String>>) saved.get("dashboards");
            for (Map<String, String> d : list) {
                byName.put(d.get("name"), new Dashboard(d.get("name"), d.get("body"), Instant.parse(d.get("lastModified"))));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                aside = path;
            }
            String notice = "The saved dashboards " + path + " could not be read (" + e.getMessage() + "); kept as "
                    + aside + ", starting with none.";
            LOG.warn(notice);
            return Optional.of(notice);
        }
    }

    Dashboard get(String name) {
        return byName.get(name);
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }

    Collection<Dashboard> all() {
        return byName.values();
    }

    synchronized void put(Dashboard d) {
        byName.put(d.name(), d);
        save();
    }

    synchronized void remove(Collection<String> names) {
        names.forEach(byName::remove);
        save();
    }

    private void save() {
        Path target = file;
        if (target == null) {
            return;
        }
        List<Map<String, String>> list = new ArrayList<>();
        for (Dashboard d : byName.values()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("body", d.body());
            m.put("lastModified", d.lastModified().toString());
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", VERSION);
        out.put("dashboards", list);
        try {
            AtomicFile.write(target, JSON.writeValueAsBytes(out));
        } catch (IOException e) {
            LOG.warn("could not save the dashboards to {}: {}", target, e.toString());
        }
    }
}

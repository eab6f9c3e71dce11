package dev.meshwalk.localcloud.dataplane.route53;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.dns.DnsRecordSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Route 53 hosted zones and record sets, served by the local DNS server. Wildcards follow DNS: a name with no
 * records of its own matches {@code *.<closest enclosing name>} (so {@code *.howto-ecs-basics.mesh.local}
 * answers {@code color.howto-ecs-basics.mesh.local}, the trick chapter 2 uses so the app can resolve mesh names).
 */
public final class Route53 implements DnsRecordSource {

    private final AwsIds ids;
    private final LocalTimings timings;
    private final Map<String, HostedZone> zones = new ConcurrentHashMap<>();
    /** zone id -> (record name + type) -> record set. */
    private final Map<String, Map<String, RecordSetSpec>> records = new ConcurrentHashMap<>();

    public Route53(AwsIds ids, LocalTimings timings) {
        this.ids = ids;
        this.timings = timings;
    }

    public HostedZone createHostedZone(String name, boolean privateZone) {
        return createHostedZone(name, privateZone, AwsIds.hostedZoneId());
    }

    /** Creates a hosted zone whose id the control plane already chose. */
    public HostedZone createHostedZone(String name, boolean privateZone, String id) {
        HostedZone zone = new HostedZone(id, normalize(name), privateZone);
        zones.put(id, zone);
        records.put(id, new ConcurrentHashMap<>());
        return zone;
    }

    public void deleteHostedZone(String zoneId) {
        zones.remove(zoneId);
        records.remove(zoneId);
    }

    public Optional<HostedZone> zone(String zoneId) {
        return Optional.ofNullable(zones.get(zoneId));
    }

    public Optional<HostedZone> zoneNamed(String name) {
        String wanted = normalize(name);
        return zones.values().stream().filter(z -> z.name().equals(wanted)).findFirst();
    }

    /**
     * Creates or replaces a record set ({@code UPSERT}).
     *
     * @throws IllegalArgumentException when the name is outside the zone or a value does not parse for the type
     */
    public void upsertRecord(String zoneId, RecordSetSpec spec) {
        HostedZone zone = zones.get(zoneId);
        if (zone == null) {
            throw new NoSuchElementException("hosted zone " + zoneId + " does not exist");
        }
        String name = normalize(spec.name());
        if (!name.equals(zone.name()) && !name.endsWith("." + zone.name())) {
            throw new IllegalArgumentException("record " + spec.name() + " is not in zone " + zone.name());
        }
        RecordSetSpec normalized = new RecordSetSpec(name, spec.type().toUpperCase(Locale.ROOT), spec.ttlSeconds(),
                spec.values());
        toRecords(normalized, absolute(name)); // validates the values before storing
        records.get(zoneId).put(name + "|" + normalized.type(), normalized);
    }

    public void deleteRecord(String zoneId, String name, String type) {
        Map<String, RecordSetSpec> zoneRecords = records.get(zoneId);
        if (zoneRecords != null) {
            zoneRecords.remove(normalize(name) + "|" + type.toUpperCase(Locale.ROOT));
        }
    }

    public List<RecordSetSpec> records(String zoneId) {
        return List.copyOf(records.getOrDefault(zoneId, Map.of()).values());
    }

    @Override
    public boolean isAuthoritativeFor(Name name) {
        String text = normalize(name.toString());
        return zones.values().stream().anyMatch(z -> text.equals(z.name()) || text.endsWith("." + z.name()));
    }

    @Override
    public List<Record> recordsFor(Name name) {
        String text = normalize(name.toString());
        for (HostedZone zone : zones.values()) {
            if (!text.equals(zone.name()) && !text.endsWith("." + zone.name())) {
                continue;
            }
            Map<String, RecordSetSpec> zoneRecords = records.getOrDefault(zone.id(), Map.of());
            List<RecordSetSpec> exact = setsNamed(zoneRecords, text);
            if (!exact.isEmpty()) {
                return build(exact, name);
            }
            // wildcard: walk up from the parent of the name to the zone apex
            String candidate = text;
            while (!candidate.equals(zone.name()) && candidate.contains(".")) {
                candidate = candidate.substring(candidate.indexOf('.') + 1);
                List<RecordSetSpec> wildcard = setsNamed(zoneRecords, "*." + candidate);
                if (!wildcard.isEmpty()) {
                    return build(wildcard, name);
                }
                if (!setsNamed(zoneRecords, candidate).isEmpty()) {
                    break; // the closest existing name has no wildcard child: no synthesis (RFC 4592)
                }
            }
        }
        return List.of();
    }

    private List<Record> build(List<RecordSetSpec> sets, Name owner) {
        List<Record> out = new ArrayList<>();
        sets.forEach(set -> out.addAll(toRecords(set, owner)));
        return out;
    }

    private List<Record> toRecords(RecordSetSpec set, Name owner) {
        int type = Type.value(set.type());
        if (type < 0) {
            throw new IllegalArgumentException("unknown record type " + set.type());
        }
        List<Record> out = new ArrayList<>();
        for (String value : set.values()) {
            try {
                out.add(Record.fromString(owner, type, DClass.IN, timings.dnsTtlSeconds(set.ttlSeconds()), value,
                        Name.root));
            } catch (IOException e) {
                throw new IllegalArgumentException("value '" + value + "' is not a valid " + set.type() + " record: "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<RecordSetSpec> setsNamed(Map<String, RecordSetSpec> zoneRecords, String name) {
        return zoneRecords.values().stream().filter(r -> r.name().equals(name)).toList();
    }

    private static Name absolute(String name) {
        try {
            return Name.fromString(name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a valid DNS name", e);
        }
    }

    private static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        if (lower.startsWith("\\052")) {
            lower = "*" + lower.substring(4);
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}

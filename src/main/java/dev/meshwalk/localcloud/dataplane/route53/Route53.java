package dev.meshwalk.localcloud.dataplane.route53;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.dns.DnsRecordSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
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
    /** How deep alias resolution is on this thread (an alias may point at another alias; a loop must end). */
    private final ThreadLocal<Integer> aliasDepth = ThreadLocal.withInitial(() -> 0);
    private volatile AliasResolver aliasResolver = (target, type) -> List.of();

    /** Answers an alias target's name, as the DNS server would (load balancers, Cloud Map, other zones). */
    @FunctionalInterface
    public interface AliasResolver {
        List<Record> resolve(Name target, int type);
    }

    public Route53(AwsIds ids, LocalTimings timings) {
        this.ids = ids;
        this.timings = timings;
    }

    /** Set once by the data plane, which owns the DNS answers alias targets resolve through. */
    public void resolveAliasesWith(AliasResolver resolver) {
        this.aliasResolver = resolver;
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
                spec.values(), spec.aliasTarget());
        if (spec.aliasTarget() != null) {
            absolute(aliasName(spec.aliasTarget())); // a target that is no DNS name is refused before storing
        } else {
            toRecords(normalized, absolute(name)); // validates the values before storing
        }
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
        if (set.aliasTarget() != null) {
            return aliasRecords(set, owner, type);
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

    /**
     * The target's records of the alias's type, owned by the alias's name and keeping the target's TTL, as Route 53
     * answers an alias. A target given as an IPv4 address (what a local load balancer's DNS name is when no DNS
     * server is configured) answers with that address, port dropped.
     */
    private List<Record> aliasRecords(RecordSetSpec set, Name owner, int type) {
        String target = aliasName(set.aliasTarget());
        if (target.matches("\\d{1,3}(\\.\\d{1,3}){3}") && type == Type.A) {
            try {
                return List.of(new ARecord(owner, DClass.IN, timings.dnsTtlSeconds(60), InetAddress.getByName(target)));
            } catch (UnknownHostException e) {
                return List.of();
            }
        }
        int depth = aliasDepth.get();
        if (depth >= 8) {
            return List.of(); // an alias loop: no answer, like a name with no records
        }
        aliasDepth.set(depth + 1);
        try {
            List<Record> out = new ArrayList<>();
            for (Record r : aliasResolver.resolve(absolute(target), type)) {
                if (r.getType() == type) {
                    out.add(r.withName(owner));
                }
            }
            return out;
        } finally {
            aliasDepth.set(depth);
        }
    }

    /** The alias target's DNS name without a trailing dot, port, or the {@code dualstack.} prefix ELB names take. */
    private static String aliasName(RecordSetSpec.AliasTarget target) {
        String name = normalize(target.dnsName()).replaceFirst(":\\d+$", "");
        return name.startsWith("dualstack.") ? name.substring("dualstack.".length()) : name;
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

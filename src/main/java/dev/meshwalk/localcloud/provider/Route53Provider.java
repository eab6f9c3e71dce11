package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Route 53 hosted zones ({@code Z...} ids; four name servers for public zones, none for private ones) and
 * record sets (their {@code Ref} is the record name).
 */
public final class Route53Provider extends FamilyProvider {

    public Route53Provider(Route53Resources store) {
        super(store);
        kind(Route53Resources.HOSTED_ZONE, List.of("Name"), (r, cur) -> {
            String id = cur != null ? cur.physicalId() : AwsIds.hostedZoneId();
            boolean isPrivate = r.properties().get("VPCs") instanceof List<?> l && !l.isEmpty();
            int n = Integer.parseInt(AwsIds.digits(3));
            List<String> ns = isPrivate ? List.of() : List.of("ns-" + n + ".awsdns-" + (n % 64) + ".com",
                    "ns-" + (n + 1) + ".awsdns-" + (n % 64) + ".net", "ns-" + (n + 2) + ".awsdns-" + (n % 64) + ".org",
                    "ns-" + (n + 3) + ".awsdns-" + (n % 64) + ".co.uk");
            return new Provisioned(id, attrs("Id", id, "NameServers", ns));
        });
        kind(Route53Resources.RECORD_SET, List.of("HostedZoneId|HostedZoneName"), (r, cur) -> {
                    String zoneId = text(r, "HostedZoneId");
                    if (zoneId != null && store.get(zoneId).isEmpty()) {
                        throw new ProvisionException("No hosted zone found with ID: " + zoneId
                                + " (Service: Route53; Status Code: 404; Error Code: NoSuchHostedZone)");
                    }
                    String name = text(r, "Name").toLowerCase(Locale.ROOT);
                    return new Provisioned(cur != null ? cur.physicalId() : name, attrs());
                });
    }
}

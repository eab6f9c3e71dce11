package dev.meshwalk.localcloud.provider.runtime;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryServiceSpec;
import dev.meshwalk.localcloud.dataplane.cloudmap.NamespaceSpec;
import dev.meshwalk.localcloud.dataplane.route53.RecordSetSpec;
import dev.meshwalk.localcloud.provider.CloudMapResources;
import dev.meshwalk.localcloud.provider.ProvisionException;
import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.provider.Route53Resources;
import java.util.List;

/** Turns Cloud Map and Route 53 records into registry entries and zones the local DNS server answers from. */
final class DiscoveryBridge implements ResourceListener {

    private final DataPlane dataPlane;

    DiscoveryBridge(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public void created(ResourceRecord record) {
        Props p = new Props(record.properties());
        String arn = String.valueOf(record.attributes().get("Arn"));
        try {
            switch (record.type()) {
                case CloudMapResources.PRIVATE_DNS_NAMESPACE -> dataPlane.cloudMap().createNamespace(
                        new NamespaceSpec(p.text("Name"), NamespaceSpec.NamespaceType.PRIVATE_DNS), record.physicalId(), arn);
                case CloudMapResources.PUBLIC_DNS_NAMESPACE -> dataPlane.cloudMap().createNamespace(
                        new NamespaceSpec(p.text("Name"), NamespaceSpec.NamespaceType.PUBLIC_DNS), record.physicalId(), arn);
                case CloudMapResources.HTTP_NAMESPACE -> dataPlane.cloudMap().createNamespace(
                        new NamespaceSpec(p.text("Name"), NamespaceSpec.NamespaceType.HTTP), record.physicalId(), arn);
                case CloudMapResources.SERVICE -> {
                    Props dns = p.child("DnsConfig");
                    String namespaceId = dns.text("NamespaceId", p.text("NamespaceId"));
                    List<DiscoveryServiceSpec.DnsRecordSpec> records = dns.list("DnsRecords").stream()
                            .map(r -> new DiscoveryServiceSpec.DnsRecordSpec(r.text("Type", "A"), r.integer("TTL", 60)))
                            .toList();
                    dataPlane.cloudMap().createService(new DiscoveryServiceSpec(namespaceId,
                            String.valueOf(record.attributes().get("Name")), records), record.physicalId(), arn);
                }
                case Route53Resources.HOSTED_ZONE -> dataPlane.route53().createHostedZone(p.text("Name"),
                        p.list("VPCs").size() > 0, record.physicalId());
                case Route53Resources.RECORD_SET -> {
                    Props alias = p.child("AliasTarget");
                    dataPlane.route53().upsertRecord(zoneOf(p), p.has("AliasTarget")
                            ? RecordSetSpec.alias(p.text("Name"), p.text("Type"), new RecordSetSpec.AliasTarget(
                                    alias.text("DNSName"), alias.text("HostedZoneId")))
                            : new RecordSetSpec(p.text("Name"), p.text("Type"), p.integer("TTL", 300),
                                    p.strings("ResourceRecords")));
                }
                default -> { }
            }
        } catch (ProvisionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProvisionException(e.getMessage());
        }
    }

    @Override
    public void updated(ResourceRecord before, ResourceRecord after) {
        if (after.type().equals(Route53Resources.RECORD_SET)) {
            deleted(before);
            created(after);
        }
    }

    @Override
    public void deleted(ResourceRecord record) {
        Props p = new Props(record.properties());
        try {
            switch (record.type()) {
                case CloudMapResources.PRIVATE_DNS_NAMESPACE, CloudMapResources.PUBLIC_DNS_NAMESPACE,
                        CloudMapResources.HTTP_NAMESPACE -> dataPlane.cloudMap().deleteNamespace(record.physicalId());
                case CloudMapResources.SERVICE -> dataPlane.cloudMap().deleteService(record.physicalId());
                case Route53Resources.HOSTED_ZONE -> dataPlane.route53().deleteHostedZone(record.physicalId());
                case Route53Resources.RECORD_SET -> dataPlane.route53().deleteRecord(zoneOf(p), p.text("Name"),
                        p.text("Type"));
                default -> { }
            }
        } catch (IllegalStateException stillUsed) {
            throw new ProvisionException(stillUsed.getMessage());
        }
    }

    private String zoneOf(Props p) {
        if (p.has("HostedZoneId")) {
            return p.text("HostedZoneId");
        }
        return dataPlane.route53().zoneNamed(p.text("HostedZoneName")).map(z -> z.id())
                .orElseThrow(() -> new ProvisionException("No hosted zone found with name " + p.text("HostedZoneName")));
    }
}

package dev.meshwalk.localcloud.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerSpec;
import dev.meshwalk.localcloud.dataplane.route53.HostedZone;
import dev.meshwalk.localcloud.dataplane.route53.RecordSetSpec;
import dev.meshwalk.localcloud.dataplane.route53.RecordSetSpec.AliasTarget;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Route 53 alias records through the local DNS server: an A alias to a load balancer's DNS name (plain or
 * {@code dualstack.}) answers the load balancer's address under the alias's own name, with no CNAME, as Route 53
 * does; an alias to another record follows it; an alias loop ends without an answer.
 */
class Route53AliasTest {

    private static final String ALB_ZONE = "Z35SXDOTRQ7X7K";

    private DataPlane dataPlane;
    private SimpleResolver resolver;
    private HostedZone zone;

    @BeforeEach
    void start() throws Exception {
        dataPlane = TestDataPlanes.start(new FakeApps());
        resolver = new SimpleResolver(dataPlane.dnsServer());
        zone = dataPlane.route53().createHostedZone("example.test", false);
    }

    @AfterEach
    void stop() {
        dataPlane.close();
    }

    private Message ask(String name) throws Exception {
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN)));
    }

    private static List<String> addresses(Message answer) {
        return answer.getSection(Section.ANSWER).stream().filter(r -> r instanceof ARecord)
                .map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
    }

    @Test
    void aliasToALoadBalancerAnswersItsAddressUnderTheAliasName() throws Exception {
        LoadBalancer lb = dataPlane.loadBalancers().createLoadBalancer(new LoadBalancerSpec("front", false));
        dataPlane.route53().upsertRecord(zone.id(), RecordSetSpec.alias("www.example.test", "A",
                new AliasTarget(lb.dnsName() + ".", ALB_ZONE)));
        dataPlane.route53().upsertRecord(zone.id(), RecordSetSpec.alias("dual.example.test", "A",
                new AliasTarget("dualstack." + lb.dnsName(), ALB_ZONE)));

        Message www = ask("www.example.test.");
        Message dual = ask("dual.example.test.");

        assertThat(www.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(addresses(www)).containsExactly(lb.address().getHostAddress());
        assertThat(www.getSection(Section.ANSWER)).allSatisfy(r -> {
            assertThat(r.getName().toString()).isEqualTo("www.example.test.");
            assertThat(r).isNotInstanceOf(CNAMERecord.class);
        });
        assertThat(addresses(dual)).containsExactly(lb.address().getHostAddress());
    }

    @Test
    void aliasFollowsTheLoadBalancerWhenItIsReplaced() throws Exception {
        LoadBalancer first = dataPlane.loadBalancers().createLoadBalancer(new LoadBalancerSpec("front", false));
        dataPlane.route53().upsertRecord(zone.id(), RecordSetSpec.alias("www.example.test", "A",
                new AliasTarget(first.dnsName(), ALB_ZONE)));
        dataPlane.loadBalancers().deleteLoadBalancer(first.arn());

        Message gone = ask("www.example.test.");

        assertThat(addresses(gone)).isEmpty();
    }

    @Test
    void aliasToARecordInTheSameZoneAndToAnAddressName() throws Exception {
        dataPlane.route53().upsertRecord(zone.id(), new RecordSetSpec("origin.example.test", "A", 300,
                List.of("127.0.0.42")));
        dataPlane.route53().upsertRecord(zone.id(), RecordSetSpec.alias("apex.example.test", "A",
                new AliasTarget("origin.example.test", zone.id())));
        dataPlane.route53().upsertRecord(zone.id(), RecordSetSpec.alias("local.example.test", "A",
                new AliasTarget("127.0.0.43:8080", ALB_ZONE)));

        assertThat(addresses(ask("apex.example.test."))).containsExactly("127.0.0.42");
        assertThat(addresses(ask("local.example.test."))).containsExactly("127.0.0.43");
    }

    @Test
    void anAliasLoopHasNoAnswerAndTheServerKeepsAnswering() throws Exception {
        dataPlane.route53().upsertRecord(zone.id(), RecordSetSpec.alias("a.example.test", "A",
                new AliasTarget("b.example.test", zone.id())));
        dataPlane.route53().upsertRecord(zone.id(), RecordSetSpec.alias("b.example.test", "A",
                new AliasTarget("a.example.test", zone.id())));
        dataPlane.route53().upsertRecord(zone.id(), new RecordSetSpec("ok.example.test", "A", 60, List.of("127.0.0.44")));

        assertThat(addresses(ask("a.example.test."))).isEmpty();
        assertThat(addresses(ask("ok.example.test."))).containsExactly("127.0.0.44");
    }
}

package dev.meshwalk.localcloud.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryService;
import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryServiceSpec;
import dev.meshwalk.localcloud.dataplane.cloudmap.Namespace;
import dev.meshwalk.localcloud.dataplane.cloudmap.NamespaceSpec;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerSpec;
import dev.meshwalk.localcloud.dataplane.route53.HostedZone;
import dev.meshwalk.localcloud.dataplane.route53.RecordSetSpec;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class DnsServerTest {

    private DataPlane dataPlane;
    private SimpleResolver resolver;

    @BeforeEach
    void start() throws Exception {
        dataPlane = TestDataPlanes.start(new FakeApps());
        InetSocketAddress dns = dataPlane.dnsServer();
        resolver = new SimpleResolver(dns);
    }

    @AfterEach
    void stop() {
        dataPlane.close();
    }

    private Message ask(String name, int type) throws Exception {
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private static List<String> addresses(Message answer) {
        return answer.getSection(Section.ANSWER).stream().filter(r -> r instanceof ARecord)
                .map(r -> ((ARecord) r).getAddress().getHostAddress()).sorted().toList();
    }

    @Test
    void cloudMapServiceAnswersHealthyInstancesAsARecordsWithCompressedTtl() throws Exception {
        CloudMap cloudMap = dataPlane.cloudMap();
        Namespace ns = cloudMap.createNamespace(new NamespaceSpec("howto-ecs-basics.pvtdns",
                NamespaceSpec.NamespaceType.PRIVATE_DNS));
        DiscoveryService color = cloudMap.createService(new DiscoveryServiceSpec(ns.id(), "color",
                List.of(new DiscoveryServiceSpec.DnsRecordSpec("A", 300))));
        cloudMap.registerInstance(color.id(), "task1", Map.of("AWS_INSTANCE_IPV4", "127.0.0.11"), true);
        cloudMap.registerInstance(color.id(), "task2", Map.of("AWS_INSTANCE_IPV4", "127.0.0.12"), true);
        cloudMap.registerInstance(color.id(), "task3", Map.of("AWS_INSTANCE_IPV4", "127.0.0.13"), false);

        Message answer = ask("color.howto-ecs-basics.pvtdns.", Type.A);

        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(addresses(answer)).containsExactly("127.0.0.11", "127.0.0.12");
        assertThat(answer.getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(1); // 300 s at 1/600
    }

    @Test
    void srvRecordsCarryDifferingPortsAndTheirTargetsResolve() throws Exception {
        CloudMap cloudMap = dataPlane.cloudMap();
        Namespace ns = cloudMap.createNamespace(new NamespaceSpec("demo.pvtdns", NamespaceSpec.NamespaceType.PRIVATE_DNS));
        DiscoveryService color = cloudMap.createService(new DiscoveryServiceSpec(ns.id(), "color",
                List.of(new DiscoveryServiceSpec.DnsRecordSpec("A", 60))));
        cloudMap.registerInstance(color.id(), "aaa", Map.of("AWS_INSTANCE_IPV4", "127.0.0.21", "AWS_INSTANCE_PORT", "8080"), true);
        cloudMap.registerInstance(color.id(), "bbb", Map.of("AWS_INSTANCE_IPV4", "127.0.0.22", "AWS_INSTANCE_PORT", "8081"), true);

        Message answer = ask("color.demo.pvtdns.", Type.SRV);

        assertThat(answer.getSection(Section.ANSWER)).hasSize(2).allMatch(r -> r instanceof SRVRecord);
        assertThat(answer.getSection(Section.ANSWER).stream().map(r -> ((SRVRecord) r).getPort()).sorted())
                .containsExactly(8080, 8081);
        SRVRecord first = (SRVRecord) answer.getSection(Section.ANSWER).stream()
                .filter(r -> ((SRVRecord) r).getPort() == 8080).findFirst().orElseThrow();
        assertThat(addresses(ask(first.getTarget().toString(), Type.A))).containsExactly("127.0.0.21");
    }

    @Test
    void wildcardHostedZoneRecordAnswersAnyNameBelowIt() throws Exception {
        HostedZone zone = dataPlane.route53().createHostedZone("howto-ecs-basics.mesh.local", true);
        dataPlane.route53().upsertRecord(zone.id(), new RecordSetSpec("*.howto-ecs-basics.mesh.local", "A", 300,
                List.of("10.10.10.10")));

        assertThat(addresses(ask("color.howto-ecs-basics.mesh.local.", Type.A))).containsExactly("10.10.10.10");
        assertThat(addresses(ask("front.howto-ecs-basics.mesh.local.", Type.A))).containsExactly("10.10.10.10");
        assertThat(ask("color.other.local.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void unknownNamesAreNxdomainAndKnownNamesWithoutTheTypeAreNodata() throws Exception {
        Namespace ns = dataPlane.cloudMap().createNamespace(new NamespaceSpec("x.pvtdns", NamespaceSpec.NamespaceType.PRIVATE_DNS));
        DiscoveryService svc = dataPlane.cloudMap().createService(new DiscoveryServiceSpec(ns.id(), "color",
                List.of(new DiscoveryServiceSpec.DnsRecordSpec("A", 60))));
        dataPlane.cloudMap().registerInstance(svc.id(), "t", Map.of("AWS_INSTANCE_IPV4", "127.0.0.30"), true);

        Message nx = ask("nothing.x.pvtdns.", Type.A);
        Message nodata = ask("color.x.pvtdns.", Type.AAAA);

        assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(nodata.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void loadBalancerDnsNameResolvesToItsOwnLoopbackAddressOverTcpToo() throws Exception {
        LoadBalancer lb = dataPlane.loadBalancers().createLoadBalancer(new LoadBalancerSpec("color-alb", true));
        resolver.setTCP(true);

        Message answer = ask(lb.dnsName() + ".", Type.A);

        assertThat(lb.dnsName()).startsWith("internal-color-alb-").endsWith(".us-east-1.elb.amazonaws.com");
        assertThat(addresses(answer)).containsExactly(lb.address().getHostAddress());
        assertThat(lb.address().isLoopbackAddress()).isTrue();
        assertThat(lb.address().getHostAddress()).isNotEqualTo("127.0.0.1");
    }
}

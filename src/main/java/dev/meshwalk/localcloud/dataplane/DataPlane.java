package dev.meshwalk.localcloud.dataplane;

import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.dns.DnsAnswers;
import dev.meshwalk.localcloud.dataplane.dns.DnsServer;
import dev.meshwalk.localcloud.dataplane.ecs.Ecs;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import dev.meshwalk.localcloud.dataplane.logs.LogStore;
import dev.meshwalk.localcloud.dataplane.mesh.AppMesh;
import dev.meshwalk.localcloud.dataplane.mesh.MeshProxy;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.LoopbackAddressPool;
import dev.meshwalk.localcloud.dataplane.net.NamedThreads;
import dev.meshwalk.localcloud.dataplane.net.NettyLoop;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import dev.meshwalk.localcloud.dataplane.route53.Route53;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnect;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The local cloud's data plane: what the ECS, ELBv2, Cloud Map, Route 53 and App Mesh resources of a stack
 * become on one machine. Tasks run the demo apps in-process, each on its own loopback address; load balancers,
 * mesh proxies and a DNS server run on loopback too. The CloudFormation providers drive it through the five
 * facades below; {@link #close()} stops everything it started.
 *
 * <p>Threads (all named {@code dataplane-*}): one scheduler pair for reconcilers and health checks, one small
 * Netty event-loop group for every listener, proxy and upstream connection ({@link NettyLoop}), a bounded pool that
 * launches and stops tasks, two DNS threads. Idle tasks hold no thread of their own.
 */
public final class DataPlane implements AutoCloseable {

    private final DataPlaneConfig config;
    /** How long an ECS task worker with nothing to do stays (the local cloud's threads are budgeted, issue 18). */
    private static final long TASK_WORKER_IDLE_SECONDS = 5;

    private final ScheduledThreadPoolExecutor scheduler;
    private final NettyLoop nettyLoop;
    private final Upstream upstream;
    private final ThreadPoolExecutor taskWorkers;
    private final LoopbackAddressPool addresses = new LoopbackAddressPool();
    private final DnsAnswers dnsAnswers = new DnsAnswers();
    private final DnsServer dnsServer;
    private final CloudMap cloudMap;
    private final Route53 route53;
    private final LoadBalancers loadBalancers;
    private final AppMesh appMesh = new AppMesh();
    private final LogStore logs = new LogStore(java.time.Clock.systemUTC());
    private final ServiceConnect serviceConnect;
    private final Ecs ecs;

    private DataPlane(DataPlaneConfig config) throws IOException {
        this.config = config;
        AwsIds ids = new AwsIds(config.region(), config.accountId());
        scheduler = new ScheduledThreadPoolExecutor(2, new NamedThreads("dataplane-scheduler"));
        scheduler.setRemoveOnCancelPolicy(true);
        nettyLoop = NettyLoop.start(NettyLoop.DEFAULT_THREADS);
        // task starts and stops come in bursts (a deploy); between them the workers end after a few idle seconds
        taskWorkers = new ThreadPoolExecutor(8, 8, TASK_WORKER_IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreads("dataplane-ecs-task"));
        taskWorkers.allowCoreThreadTimeOut(true);
        upstream = new Upstream(nettyLoop, Duration.ofSeconds(2));
        HttpListeners listeners = new HttpListeners(nettyLoop);
        cloudMap = new CloudMap(ids, config.timings());
        route53 = new Route53(ids, config.timings());
        loadBalancers = new LoadBalancers(ids, config.timings(), addresses, listeners, upstream, scheduler,
                config.loadBalancerTelemetry());
        dnsAnswers.addSource(loadBalancers);
        dnsAnswers.addSource(cloudMap);
        dnsAnswers.addSource(route53);
        route53.resolveAliasesWith((target, type) -> dnsAnswers.lookup(target, type).answers());
        try {
            dnsServer = DnsServer.start(dnsAnswers);
        } catch (IOException e) {
            shutdownPools();
            throw e;
        }
        MeshProxy.Services meshServices = new MeshProxy.Services(appMesh, cloudMap, dnsAnswers, upstream, listeners,
                config.proxyTelemetry(), ids);
        serviceConnect = new ServiceConnect(upstream, listeners, config.timings(), config.serviceConnectTelemetry(),
                dnsAnswers);
        ecs = Ecs.create(ids, config.timings(), config.imageMap(), config.apps(), config.telemetrySidecars(),
                meshServices, addresses, scheduler, upstream, dnsServer.hostAndPort(), loadBalancers, cloudMap,
                taskWorkers, serviceConnect, config.alarms(), logs);
    }

    /** Starts the DNS server and the shared pools; everything else starts when resources are created. */
    public static DataPlane start(DataPlaneConfig config) throws IOException {
        return new DataPlane(config);
    }

    public Ecs ecs() {
        return ecs;
    }

    public LoadBalancers loadBalancers() {
        return loadBalancers;
    }

    public CloudMap cloudMap() {
        return cloudMap;
    }

    public Route53 route53() {
        return route53;
    }

    /** CloudWatch Logs' groups and the streams containers write to. */
    public LogStore logs() {
        return logs;
    }

    public AppMesh appMesh() {
        return appMesh;
    }

    /** Service Connect: namespaces' discovery names, their endpoints, canary splits, the managed proxies. */
    public ServiceConnect serviceConnect() {
        return serviceConnect;
    }

    /** The DNS server's address (UDP and TCP), as given to apps in {@code DNS_SERVER}. */
    public InetSocketAddress dnsServer() {
        return dnsServer.address();
    }

    /** Answers DNS questions in-process exactly as the DNS server would. */
    public DnsAnswers dns() {
        return dnsAnswers;
    }

    public LocalTimings timings() {
        return config.timings();
    }

    /** CloudWatch's alarm states, for ECS deployments that roll back when one of their alarms fires. */
    public AlarmStates alarms() {
        return config.alarms();
    }

    /** Stops every task, listener, proxy, DNS socket and thread this data plane started. */
    @Override
    public void close() {
        ecs.close();
        loadBalancers.close();
        appMesh.proxies().forEach(MeshProxy::close);
        serviceConnect.close();
        dnsServer.close();
        shutdownPools();
    }

    private void shutdownPools() {
        upstream.close();
        nettyLoop.close();
        for (ExecutorService pool : new ExecutorService[] {scheduler, taskWorkers}) {
            pool.shutdownNow();
        }
        for (ExecutorService pool : new ExecutorService[] {scheduler, taskWorkers}) {
            try {
                pool.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

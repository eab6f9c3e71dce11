package dev.meshwalk.graph.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceGraphFormatException;
import dev.meshwalk.graph.ServiceGraphReader;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded {@code GetServiceGraph} answers shaped like a real account's, of any size, for the benchmark
 * against Graph::Easy and for layout tests: client nodes calling entry services; services of several types
 * (ECS, EC2, Lambda, Beanstalk, untyped) in tiers, each calling one to four others; remote nodes X-Ray
 * infers (DynamoDB tables, SQS queues, remote APIs) shared by many callers; about 15% of the service calls
 * skip a tier or point back to an earlier one; error, fault and throttle shares on nodes and edges.
 *
 * <p>The same graph comes out twice: as the answer's JSON ({@link #answerJson()}, what {@code aws xray
 * get-service-graph} prints) and in Graph::Easy's text format ({@link #graphEasy()}, one {@code [a] -> [b]}
 * line per edge), so both tools draw the same nodes and edges. Same size and seed, same bytes.
 */
public final class XRayAnswerGenerator {

    private static final long WINDOW_START = 1_732_550_400L;
    private static final long WINDOW_SECONDS = 300;
    private static final String[] SERVICE_TYPES = {"AWS::ECS::Container", "AWS::ECS::Container", "AWS::EC2::Instance",
        "AWS::Lambda::Function", "AWS::ElasticBeanstalk::Environment", null};
    private static final String[] WORDS = {"orders", "cart", "users", "auth", "search", "stock", "price", "ship",
        "notify", "billing", "review", "media", "geo", "audit", "report", "promo"};

    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<Set<Integer>> calls = new ArrayList<>();
    private final Random rnd;

    private XRayAnswerGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /** A graph of exactly {@code nodeCount} nodes (at least 3: a client, a service and a remote node). */
    public static XRayAnswerGenerator generate(int nodeCount, long seed) {
        if (nodeCount < 3) {
            throw new IllegalArgumentException("at least a client, a service and a remote node");
        }
        XRayAnswerGenerator g = new XRayAnswerGenerator(seed);
        g.build(nodeCount);
        return g;
    }

    private void build(int nodeCount) {
        int clients = Math.max(1, nodeCount / 20);
        int remotes = Math.max(1, nodeCount / 5);
        int services = nodeCount - clients - remotes;
        for (int i = 0; i < clients; i++) {
            add((i % 2 == 0 ? "web-" : "mobile-") + (i + 1), "client");
        }
        int tierCount = Math.max(1, (int) Math.round(Math.sqrt(services) / 1.3));
        List<List<Integer>> tiers = new ArrayList<>();
        for (int t = 0; t < tierCount; t++) {
            tiers.add(new ArrayList<>());
        }
        for (int i = 0; i < services; i++) {
            int id = add(WORDS[i % WORDS.length] + "-" + (i / WORDS.length + 1),
                    SERVICE_TYPES[rnd.nextInt(SERVICE_TYPES.length)]);
            tiers.get(i * tierCount / services).add(id);
        }
        List<Integer> remoteIds = new ArrayList<>();
        for (int i = 0; i < remotes; i++) {
            int kind = i % 3;
            remoteIds.add(add((kind == 0 ? "table-" : kind == 1 ? "queue-" : "api-") + (i + 1),
                    kind == 0 ? "AWS::DynamoDB::Table" : kind == 1 ? "AWS::SQS::Queue" : "remote"));
        }
        for (int c = 0; c < clients; c++) {
            int k = 1 + rnd.nextInt(2);
            for (int j = 0; j < k; j++) {
                calls.get(c).add(pick(tiers.get(0)));
            }
        }
        for (int t = 0; t < tierCount; t++) {
            for (int s : tiers.get(t)) {
                int fanOut = 1 + rnd.nextInt(4);
                for (int j = 0; j < fanOut; j++) {
                    calls.get(s).add(callee(t, tiers, remoteIds));
                }
            }
        }
        for (int t = 1; t < tierCount; t++) {
            for (int s : tiers.get(t)) {
                if (!hasCaller(s)) {
                    calls.get(pick(tiers.get(t - 1))).add(s);
                }
            }
        }
        for (int r : remoteIds) {
            if (!hasCaller(r)) {
                calls.get(clients + rnd.nextInt(services)).add(r);
            }
        }
    }

    /** A callee for a service of tier {@code t}: mostly the next tier or a shared back end, sometimes far. */
    private int callee(int t, List<List<Integer>> tiers, List<Integer> remoteIds) {
        int last = tiers.size() - 1;
        double roll = rnd.nextDouble();
        if (roll < 0.075 && t > 0) {
            return pick(tiers.get(rnd.nextInt(t)));                       // back to an earlier tier
        }
        if (roll < 0.15 && t + 2 <= last) {
            return pick(tiers.get(t + 2 + rnd.nextInt(last - t - 1)));   // skips at least one tier
        }
        if (roll < 0.45 || t == last) {
            return pick(remoteIds);                                       // a table, queue or remote API
        }
        return pick(tiers.get(t + 1));
    }

    private int add(String name, String type) {
        names.add(name);
        types.add(type);
        calls.add(new LinkedHashSet<>());
        return names.size() - 1;
    }

    private int pick(List<Integer> pool) {
        return pool.get(rnd.nextInt(pool.size()));
    }

    private boolean hasCaller(int node) {
        for (Set<Integer> c : calls) {
            if (c.contains(node)) {
                return true;
            }
        }
        return false;
    }

    /** The node names, by reference id. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** Number of edges. */
    public int edgeCount() {
        return calls.stream().mapToInt(Set::size).sum();
    }

    /** The answer as {@code aws xray get-service-graph} prints it (epoch-second timestamps). */
    public String answerJson() {
        ObjectMapper mapper = new ObjectMapper();
        Random stats = new Random(names.size() * 31L + edgeCount());
        ObjectNode root = mapper.createObjectNode();
        ArrayNode services = root.putArray("Services");
        for (int i = 0; i < names.size(); i++) {
            ObjectNode s = services.addObject();
            s.put("ReferenceId", i);
            s.put("Name", names.get(i));
            s.putArray("Names").add(names.get(i));
            if (types.get(i) != null) {
                s.put("Type", types.get(i));
            }
            boolean client = "client".equals(types.get(i));
            s.put("State", client || "remote".equals(types.get(i)) ? "unknown" : "active");
            s.put("StartTime", WINDOW_START);
            s.put("EndTime", WINDOW_START + WINDOW_SECONDS);
            ArrayNode edges = s.putArray("Edges");
            for (int target : calls.get(i)) {
                ObjectNode e = edges.addObject();
                e.put("ReferenceId", target);
                e.put("StartTime", WINDOW_START);
                e.put("EndTime", WINDOW_START + WINDOW_SECONDS);
                summary(e.putObject("SummaryStatistics"), stats, types.get(target));
                e.putArray("ResponseTimeHistogram");
                e.putArray("Aliases");
            }
            if (!client) {
                summary(s.putObject("SummaryStatistics"), stats, types.get(i));
                s.putArray("DurationHistogram");
                s.putArray("ResponseTimeHistogram");
            }
        }
        root.put("StartTime", WINDOW_START);
        root.put("EndTime", WINDOW_START + WINDOW_SECONDS);
        root.put("ContainsOldGroupVersions", false);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts with a realistic mix: mostly ok, some 4xx and 5xx, throttles mostly at DynamoDB. */
    private static void summary(ObjectNode o, Random rnd, String type) {
        long total = 20 + rnd.nextInt(2000);
        long clientErrors = rnd.nextDouble() < 0.3 ? rnd.nextInt((int) (total / 20) + 1) : 0;
        boolean throttles = "AWS::DynamoDB::Table".equals(type) ? rnd.nextDouble() < 0.4 : rnd.nextDouble() < 0.05;
        long throttled = throttles ? 1 + rnd.nextInt((int) (total / 25) + 1) : 0;
        long faults = rnd.nextDouble() < 0.25 ? rnd.nextInt((int) (total / 10) + 1) : 0;
        long ok = Math.max(0, total - clientErrors - throttled - faults);
        o.put("OkCount", ok);
        ObjectNode errors = o.putObject("ErrorStatistics");
        errors.put("ThrottleCount", throttled);
        errors.put("OtherCount", clientErrors);
        errors.put("TotalCount", throttled + clientErrors);
        ObjectNode faultStats = o.putObject("FaultStatistics");
        faultStats.put("OtherCount", faults);
        faultStats.put("TotalCount", faults);
        o.put("TotalCount", ok + clientErrors + throttled + faults);
        o.put("TotalResponseTime", Math.round((ok + clientErrors + throttled + faults)
                * (0.002 + rnd.nextDouble() * 0.2) * 1000) / 1000.0);
    }

    /** The same graph for Graph::Easy: every node declared, then one {@code [ a ] -> [ b ]} line per edge. */
    public String graphEasy() {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append("[ ").append(name).append(" ]\n");
        }
        for (int i = 0; i < names.size(); i++) {
            for (int target : calls.get(i)) {
                sb.append("[ ").append(names.get(i)).append(" ] -> [ ").append(names.get(target)).append(" ]\n");
            }
        }
        return sb.toString();
    }

    /** The answer read back as the tutorial reads it. */
    public ServiceGraph graph() {
        try {
            return new ServiceGraphReader().read(answerJson());
        } catch (ServiceGraphFormatException e) {
            throw new IllegalStateException("the generator wrote an answer its own reader rejects", e);
        }
    }
}

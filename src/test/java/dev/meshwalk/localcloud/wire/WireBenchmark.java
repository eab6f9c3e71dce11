package dev.meshwalk.localcloud.wire;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.meshwalk.localcloud.LocalCloud;

/**
 * Cost of the wire layer: codecs alone, and a full HTTP round trip through the server to a trivial service.
 * Run: see docs/benchmarks/wire.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class WireBenchmark {

    private static final String CREATE_CHANGE_SET = "Action=CreateChangeSet&Version=2010-05-15&StackName=s1"
            + "&TemplateBody=" + "Resources%3A%0A++Vpc%3A%0A++++Type%3A+AWS%3A%3AEC2%3A%3AVPC%0A".repeat(40)
            + "&Parameters.member.1.ParameterKey=Env&Parameters.member.1.ParameterValue=dev"
            + "&Parameters.member.2.ParameterKey=Old&Parameters.member.2.UsePreviousValue=true"
            + "&Capabilities.member.1=CAPABILITY_IAM&Capabilities.member.2=CAPABILITY_NAMED_IAM&NotificationARNs="
            + "&Tags.member.1.Key=k&Tags.member.1.Value=v&ChangeSetName=cs1&Description=d&ChangeSetType=CREATE";

    private Map<String, Object> describeStacks;
    private byte[] putMetricDataCbor;
    private LocalCloud cloud;
    private HttpClient http;
    private HttpRequest describeRequest;

    @Setup(Level.Trial)
    public void setUp() {
        List<Object> outputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outputs.add(RecordingService.map("OutputKey", "Out" + i, "OutputValue", "http://lb-" + i + ".local/?a=1&b=2",
                    "Description", "output <" + i + ">"));
        }
        describeStacks = RecordingService.map("Stacks", List.of(RecordingService.map("StackId", "arn:aws:cloudformation:"
                        + "us-east-1:000000000000:stack/s1/id", "StackName", "s1", "CreationTime", Instant.now(),
                "StackStatus", "CREATE_COMPLETE", "Outputs", outputs, "Tags", List.of(), "DisableRollback", false)));
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            data.add(RecordingService.map("MetricName", "Latency", "Dimensions",
                    List.of(RecordingService.map("Name", "Svc", "Value", "front-" + i)),
                    "Timestamp", Instant.ofEpochMilli(1704164645678L + i), "Value", 1.5 + i, "Unit", "Milliseconds"));
        }
        putMetricDataCbor = TreeWriter.cbor(RecordingService.map("Namespace", "App", "MetricData", data));

        cloud = LocalCloud.builder().service(new RecordingService("cloudformation")).build().start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        describeRequest = HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeStacks&Version=2010-05-15&StackName=s1"))
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cloud.close();
    }

    @Benchmark
    public Map<String, Object> queryFormDecodeCreateChangeSet() {
        return QueryFormDecoder.tree(QueryFormDecoder.pairs(CREATE_CHANGE_SET));
    }

    @Benchmark
    public byte[] queryXmlEncodeDescribeStacks() {
        return QueryXmlWriter.success("DescribeStacks", "http://cloudformation.amazonaws.com/doc/2010-05-15/", true,
                describeStacks, "rid");
    }

    @Benchmark
    public Map<String, Object> cborDecodePutMetricData20() {
        return TreeReader.cbor(putMetricDataCbor);
    }

    @Benchmark
    public byte[] cborEncodeDescribeStacksTree() {
        return TreeWriter.cbor(describeStacks);
    }

    @Benchmark
    public int httpRoundTripDescribeStacks() throws Exception {
        HttpResponse<byte[]> r = http.send(describeRequest, HttpResponse.BodyHandlers.ofByteArray());
        return r.body().length + r.statusCode();
    }
}

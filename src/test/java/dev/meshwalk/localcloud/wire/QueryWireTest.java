package dev.meshwalk.localcloud.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.meshwalk.localcloud.LocalCloud;

/** awsQuery on the wire: raw form posts in, exact XML out, including errors, empty lists and gzip bodies. */
class QueryWireTest {

    private static final String CFN_NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private RecordingService cfn;
    private RecordingService monitoring;
    private LocalCloud cloud;
    private WireClient client;

    @BeforeEach
    void start() {
        cfn = new RecordingService("cloudformation");
        monitoring = new RecordingService("monitoring");
        cloud = LocalCloud.builder().service(cfn, monitoring).maxRequestBytes(64 * 1024).build().start();
        client = new WireClient(cloud.endpoint());
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private static String rid(HttpResponse<byte[]> r) {
        return r.headers().firstValue("x-amzn-RequestId").orElseThrow();
    }

    @Test
    void describeStacksIsWrappedInResultWithMembersIsoMillisAndEscapedText() {
        HttpResponse<byte[]> r = client.form("Action=DescribeStacks&Version=2010-05-15&StackName=s1");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(WireClient.text(r)).isEqualTo(
                "<DescribeStacksResponse xmlns=\"" + CFN_NS + "\"><DescribeStacksResult><Stacks><member>"
                        + "<StackId>arn:aws:cloudformation:us-east-1:000000000000:stack/s1/id</StackId>"
                        + "<StackName>s1</StackName>"
                        + "<Description>a &lt;b&gt; &amp; \"c\"</Description>"
                        + "<CreationTime>2024-01-02T03:04:05.678Z</CreationTime>"
                        + "<StackStatus>CREATE_COMPLETE</StackStatus>"
                        + "<Parameters><member><ParameterKey>Env</ParameterKey><ParameterValue>dev</ParameterValue></member></Parameters>"
                        + "<NotificationARNs/>"
                        + "<DisableRollback>false</DisableRollback>"
                        + "<Outputs><member><OutputKey>Url</OutputKey><OutputValue>http://x/?a=1&amp;b=2</OutputValue></member></Outputs>"
                        + "<Ratio>0.5</Ratio><Count>3</Count>"
                        + "</member></Stacks></DescribeStacksResult>"
                        + "<ResponseMetadata><RequestId>" + rid(r) + "</RequestId></ResponseMetadata>"
                        + "</DescribeStacksResponse>");
        assertThat(cfn.lastInput.get().string("StackName")).hasValue("s1");
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreReplacedSoTheAnswerStaysParseable() throws Exception {
        HttpResponse<byte[]> r = client.form("Action=Echo&Version=2010-05-15&TemplateBody=a%01b%09c");

        assertThat(WireClient.text(r)).contains("<TemplateBody>a\uFFFDb\tc</TemplateBody>");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.body()));
    }

    @Test
    void anOperationWithoutOutputSendsOnlyResponseMetadata() {
        HttpResponse<byte[]> r = client.form("Action=DeleteStack&Version=2010-05-15&StackName=s1");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(WireClient.text(r)).isEqualTo("<DeleteStackResponse xmlns=\"" + CFN_NS + "\">"
                + "<ResponseMetadata><RequestId>" + rid(r) + "</RequestId></ResponseMetadata></DeleteStackResponse>");
    }

    @Test
    void anOperationWithAnEmptyOutputShapeStillSendsItsResultElementForBotocore() {
        HttpResponse<byte[]> r = client.form("Action=DeleteDashboards&Version=2010-08-01&DashboardNames.member.1=d1");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(WireClient.text(r)).isEqualTo(
                "<DeleteDashboardsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                        + "<DeleteDashboardsResult/>"
                        + "<ResponseMetadata><RequestId>" + rid(r) + "</RequestId></ResponseMetadata></DeleteDashboardsResponse>");
    }

    @Test
    void aServiceErrorBecomesAnErrorResponseWithTypeCodeMessageAndStatus() {
        HttpResponse<byte[]> r = client.form("Action=Fail&Version=2010-05-15");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WireClient.text(r)).isEqualTo("<ErrorResponse xmlns=\"" + CFN_NS + "\"><Error><Type>Sender</Type>"
                + "<Code>ValidationError</Code><Message>Stack with id s9 does not exist</Message></Error>"
                + "<RequestId>" + rid(r) + "</RequestId></ErrorResponse>");
    }

    @Test
    void cloudWatchErrorsUseTheMonitoringNamespaceTheirStatusAndReceiverForFaults() {
        HttpResponse<byte[]> notFound = client.form("Action=GetDashboard&Version=2010-08-01&DashboardName=d9");
        HttpResponse<byte[]> fault = client.form("Action=FailServer&Version=2010-08-01");

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(WireClient.text(notFound)).startsWith(
                "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error><Type>Sender</Type>"
                        + "<Code>ResourceNotFound</Code><Message>Dashboard d9 does not exist</Message>");
        assertThat(fault.statusCode()).isEqualTo(500);
        assertThat(WireClient.text(fault)).contains("<Type>Receiver</Type><Code>InternalServiceError</Code>");
    }

    @Test
    void anUnknownActionSaysWhichActionAndVersion() {
        HttpResponse<byte[]> r = client.form("Action=DescribeStackz&Version=2010-05-15");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WireClient.text(r)).contains("<Code>InvalidAction</Code>"
                + "<Message>Could not find operation DescribeStackz for version 2010-05-15</Message>");
        assertThat(cfn.lastOperation.get()).isNull();
    }

    @Test
    void aFormWithoutActionIsAMissingActionError() {
        HttpResponse<byte[]> r = client.form("Version=2010-05-15&StackName=s1");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WireClient.text(r)).contains("<Code>MissingAction</Code>");
    }

    @Test
    void anEmptyFormIsAMissingActionErrorToo() {
        HttpResponse<byte[]> r = client.form("");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WireClient.text(r)).contains("<Code>MissingAction</Code>");
    }

    @Test
    void aBrokenPercentEscapeIsAMalformedQueryStringError() {
        HttpResponse<byte[]> r = client.form("Action=DescribeStacks&Version=2010-05-15&StackName=%zz");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WireClient.text(r)).contains("<Code>MalformedQueryString</Code>").contains("StackName");
    }

    @Test
    void anUnexpectedServiceExceptionIsA500InternalFailureWithoutInternals() {
        HttpResponse<byte[]> r = client.form("Action=Boom&Version=2010-05-15");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(WireClient.text(r)).contains("<Type>Receiver</Type><Code>InternalFailure</Code>")
                .doesNotContain("secret internals").doesNotContain("IllegalStateException");
    }

    @Test
    void listsStructsEmptyListsAndPlusOrPercentSpacesDecodeIntoTheInputTree() {
        String form = "Action=Echo&Version=2010-05-15&StackName=s1&TemplateBody=a+b%20c"
                + "&Parameters.member.2.ParameterKey=Old&Parameters.member.2.UsePreviousValue=true"
                + "&Parameters.member.1.ParameterKey=Env&Parameters.member.1.ParameterValue=dev"
                + "&Capabilities.member.1=CAPABILITY_IAM&Capabilities.member.2=CAPABILITY_NAMED_IAM&NotificationARNs="
                + "&Tags.member.1.Key=k&Tags.member.1.Value=v";

        HttpResponse<byte[]> r = client.form(form);

        assertThat(r.statusCode()).isEqualTo(200);
        var in = cfn.lastInput.get();
        assertThat(in.string("TemplateBody")).hasValue("a b c");
        assertThat(in.structs("Parameters")).extracting(p -> p.string("ParameterKey").orElseThrow())
                .containsExactly("Env", "Old");
        assertThat(in.structs("Parameters").get(1).bool("UsePreviousValue")).hasValue(true);
        assertThat(in.strings("Capabilities")).containsExactly("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM");
        assertThat(in.strings("NotificationARNs")).isEmpty();
        assertThat(in.structs("Tags").get(0).tree()).isEqualTo(Map.of("Key", "k", "Value", "v"));
        assertThat(WireClient.text(r)).contains("<Capabilities><member>CAPABILITY_IAM</member>"
                + "<member>CAPABILITY_NAMED_IAM</member></Capabilities>");
    }

    @Test
    void aGzipBodyIsInflatedWhateverTheHeaderCase() {
        byte[] body = WireClient.gzip("Action=DescribeStacks&Version=2010-05-15&StackName=zipped"
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> r = client.send("POST", "/", body,
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "content-ENCODING", "gzip");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(cfn.lastInput.get().string("StackName")).hasValue("zipped");
    }

    @Test
    void aBodyMarkedGzipThatIsNotGzipIsRejectedAsMalformed() {
        HttpResponse<byte[]> r = client.send("POST", "/", "Action=DescribeStacks".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Content-Encoding", "gzip");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WireClient.text(r)).contains("<Code>MalformedQueryString</Code>").contains("gzip");
    }

    @Test
    void aBodyOverTheLimitGets413AndTheConnectionStaysUsable() {
        String big = "Action=DescribeStacks&Version=2010-05-15&TemplateBody=" + "x".repeat(70 * 1024);

        HttpResponse<byte[]> r = client.form(big);
        HttpResponse<byte[]> after = client.form("Action=DescribeStacks&Version=2010-05-15");

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(WireClient.text(r)).contains("<Code>RequestEntityTooLarge</Code>");
        assertThat(after.statusCode()).isEqualTo(200);
    }

    @Test
    void theRegionComesFromTheCredentialScopeAndDefaultsToUsEast1() {
        client.form("Action=Echo&Version=2010-05-15", "Authorization", WireClient.CFN_AUTH);
        assertThat(cfn.lastContext.get().region()).isEqualTo("eu-west-1");
        assertThat(cfn.lastContext.get().accountId()).isEqualTo("000000000000");

        client.form("Action=Echo&Version=2010-05-15");
        assertThat(cfn.lastContext.get().region()).isEqualTo("us-east-1");
    }

    @Test
    void withoutAKnownVersionTheSigningNameOfTheScopePicksTheService() {
        client.form("Action=Echo", "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20261125/ap-south-1/monitoring/aws4_request, Signature=x");

        assertThat(monitoring.lastOperation.get()).isEqualTo("Echo");
        assertThat(monitoring.lastContext.get().region()).isEqualTo("ap-south-1");
        assertThat(cfn.lastOperation.get()).isNull();
    }

    @Test
    void aServiceThatIsNotRegisteredGetsAClearError() {
        HttpResponse<byte[]> r = client.form("Action=SendMessage&Version=2012-11-05", "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20261125/us-east-1/sqs/aws4_request, Signature=x");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WireClient.text(r)).contains("<Code>InvalidAction</Code>")
                .contains("Service 'sqs' is not served by this local cloud; it serves cloudformation, monitoring");
    }

    @Test
    void getOnTheRootIsAFastHealthAnswer() {
        HttpResponse<byte[]> r = client.send("GET", "/", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(WireClient.text(r)).contains("meshwalk local cloud").contains("cloudformation");
    }

    @Test
    void anActionInTheUrlQueryIsServedAsAwsQueryToo() {
        HttpResponse<byte[]> r = client.send("GET", "/?Action=DescribeStacks&Version=2010-05-15", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(WireClient.text(r)).startsWith("<DescribeStacksResponse");
    }

    @Test
    void anUnknownPathIsAnAwsShapedNotFound() {
        HttpResponse<byte[]> r = client.send("POST", "/nowhere", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("X-Amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(WireClient.text(r)).contains("\"__type\":\"UnknownOperationException\"").contains("/nowhere");
    }

    @Test
    void manyParallelRequestsEachGetTheirOwnAnswer() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = "stack-" + i;
                answers.add(pool.submit(() -> WireClient.text(
                        client.form("Action=Echo&Version=2010-05-15&StackName=" + name))));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(answers.get(i).get()).contains("<StackName>stack-" + i + "</StackName>");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * The EC2 part of teardown's final check: which DescribeTags rows are ours, and the call on the wire, answered
 * by a loopback server with answers in the shape EC2 sends (ec2 query protocol: {@code tagSet/item}, lower-case
 * member names, {@code nextToken} paging, {@code Response/Errors/Error} failures). The local cloud serves no EC2,
 * so this is where the request and the parsing are proven.
 */
class TaggedEc2ResourcesTest {

    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private RecordedAnswerServer server;
    private CloudSession session;

    @BeforeEach
    void start() throws IOException {
        server = new RecordedAnswerServer("test-ec2-answers");
        session = CloudSession.local(CloudTarget.local(server.endpoint()));
    }

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    private static String item(String id, String type, String key, String value) {
        return "<item><resourceId>" + id + "</resourceId><resourceType>" + type + "</resourceType><key>" + key
                + "</key><value>" + value + "</value></item>";
    }

    private static String page(String token, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeTagsResponse xmlns=\"" + NS + "\">"
                + "<requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId><tagSet>" + String.join("", items)
                + "</tagSet>" + (token == null ? "" : "<nextToken>" + token + "</nextToken>") + "</DescribeTagsResponse>";
    }

    @Test
    void askedForOurStackNameAndOurProjectTagEachAsAnExactPairPagedEachLeftoverListedOnce() {
        server.answer(page("page-2",
                item("nat-0a1b2c3d4e5f60718", "natgateway", "aws:cloudformation:stack-name", "meshwalk-demo"),
                item("vpc-0123456789abcdef0", "vpc", "aws:cloudformation:stack-name", "meshwalk-demo")));
        server.answer(page(null, item("eipalloc-0abc", "elastic-ip", "aws:cloudformation:stack-name", "meshwalk-demo")));
        server.answer(page(null,
                item("nat-0a1b2c3d4e5f60718", "natgateway", "meshwalk:project", "demo"),
                item("sg-0retained", "security-group", "meshwalk:project", "demo")));

        List<OwnedResource> left = new TaggedEc2Resources(session).remaining("meshwalk-demo");

        assertThat(left).extracting(OwnedResource::name).containsExactly("natgateway nat-0a1b2c3d4e5f60718",
                "vpc vpc-0123456789abcdef0", "elastic-ip eipalloc-0abc", "security-group sg-0retained");
        assertThat(left).extracting(OwnedResource::state).containsExactly("tagged by the stack meshwalk-demo",
                "tagged by the stack meshwalk-demo", "tagged by the stack meshwalk-demo", "tagged meshwalk:project=demo");
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(0)).contains("Action=DescribeTags").contains("Version=2016-11-15")
                .contains("Filter.1.Name=key").contains("Filter.1.Value.1=aws:cloudformation:stack-name")
                .doesNotContain("Filter.1.Value.2").contains("Filter.2.Name=value")
                .contains("Filter.2.Value.1=meshwalk-demo").doesNotContain("Filter.2.Value.2")
                .contains("MaxResults=1000").doesNotContain("NextToken");
        assertThat(server.requests().get(1)).contains("NextToken=page-2");
        assertThat(server.requests().get(2)).contains("Filter.1.Value.1=meshwalk:project").contains("Filter.2.Value.1=demo")
                .doesNotContain("NextToken");
    }

    @Test
    void nothingTaggedMeansNothingLeft() {
        server.answer(page(null));
        server.answer(page(null));
        assertThat(new TaggedEc2Resources(session).remaining("meshwalk-demo")).isEmpty();
    }

    @Test
    void aDeniedCallIsAnSdkErrorTheTeardownReportsAsNotChecked() {
        server.answer(403, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>UnauthorizedOperation</Code>"
                + "<Message>You are not authorized to perform this operation.</Message></Error></Errors>"
                + "<RequestID>b1c2d3e4-0000-4000-8000-000000000000</RequestID></Response>");

        assertThatThrownBy(() -> new TaggedEc2Resources(session).remaining("meshwalk-demo"))
                .isInstanceOfSatisfying(SdkException.class, e -> assertThat(SdkErrors.summary(e))
                        .isEqualTo("UnauthorizedOperation: You are not authorized to perform this operation."));
    }

    @Test
    void onlyOurStackNameOrOurProjectTagMakesAResourceOursAnotherProjectsManagedTagDoesNot() {
        List<TagDescription> rows = List.of(
                row("sg-1", ResourceType.SECURITY_GROUP, "aws:cloudformation:stack-name", "meshwalk-demo"),
                row("sg-2", ResourceType.SECURITY_GROUP, "aws:cloudformation:stack-name", "meshwalk-other"),
                row("sg-2", ResourceType.SECURITY_GROUP, "meshwalk:managed", "true"),
                row("igw-3", ResourceType.INTERNET_GATEWAY, "meshwalk:managed", "true"),
                row("vpc-5", ResourceType.VPC, "meshwalk:project", "demo"),
                row("vpc-6", ResourceType.VPC, "meshwalk:project", "other"),
                row("vpc-7", ResourceType.VPC, "aws:cloudformation:stack-name", "demo"),
                row("subnet-4", ResourceType.SUBNET, "meshwalk:managed", "false"));

        assertThat(TaggedEc2Resources.ours(rows, "meshwalk-demo")).containsExactly(
                new OwnedResource(OwnedResource.Kind.EC2_RESOURCE, "security-group sg-1", "tagged by the stack meshwalk-demo"),
                new OwnedResource(OwnedResource.Kind.EC2_RESOURCE, "vpc vpc-5", "tagged meshwalk:project=demo"));
    }

    private static TagDescription row(String id, ResourceType type, String key, String value) {
        return TagDescription.builder().resourceId(id).resourceType(type).key(key).value(value).build();
    }
}

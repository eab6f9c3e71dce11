package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import dev.meshwalk.facts.PermissionCheck;
import dev.meshwalk.cloud.preflight.StackActions;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The preflight's IAM policy simulation on the wire, answered by a loopback server in the shape IAM sends (query
 * protocol: {@code SimulatePrincipalPolicyResult/EvaluationResults/member}, {@code ErrorResponse/Error} failures).
 * The local cloud serves no IAM, so this is where the requests and the verdicts are proven.
 */
class PermissionSimulationTest {

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String USER = "arn:aws:iam::123456789012:user/learner";

    private RecordedAnswerServer server;
    private CloudSession session;
    private IamClient iam;

    @BeforeEach
    void start() throws IOException {
        server = new RecordedAnswerServer("test-iam-answers");
        session = CloudSession.local(CloudTarget.local(server.endpoint()));
        iam = session.configure(IamClient.builder(), Region.AWS_GLOBAL, ClientOverrideConfiguration.builder().build()).build();
    }

    @AfterEach
    void stop() {
        iam.close();
        session.close();
        server.close();
    }

    private static String result(String action, String decision) {
        return "<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>*</EvalResourceName><EvalDecision>"
                + decision + "</EvalDecision><MatchedStatements/><MissingContextValues/></member>";
    }

    private static String simulation(String marker, String... results) {
        return "<SimulatePrincipalPolicyResponse xmlns=\"" + NS + "\"><SimulatePrincipalPolicyResult><IsTruncated>"
                + (marker != null) + "</IsTruncated>" + (marker == null ? "" : "<Marker>" + marker + "</Marker>")
                + "<EvaluationResults>" + String.join("", results) + "</EvaluationResults></SimulatePrincipalPolicyResult>"
                + "<ResponseMetadata><RequestId>5e5a0f3c-0000-4000-8000-000000000001</RequestId></ResponseMetadata>"
                + "</SimulatePrincipalPolicyResponse>";
    }

    /** A PowerUserAccess user: everything but the iam: actions; paged answers are read to the end. */
    @Test
    void aUserMissingTheIamActionsGetsThemNamedAfterEveryPageIsRead() {
        server.answer(simulation("page-2", result("ec2:CreateNatGateway", "allowed"), result("iam:PassRole", "implicitDeny")));
        server.answer(simulation(null, result("iam:CreateRole", "implicitDeny"), result("ecs:CreateService", "allowed"),
                result("iam:AttachRolePolicy", "explicitDeny")));

        PermissionCheck p = new PermissionSimulation(iam).check(USER, StackActions.forChapter("0-prelude").orElseThrow());

        assertThat(p.outcome()).isEqualTo(PermissionCheck.Outcome.CHECKED);
        assertThat(p.caller()).isEqualTo(USER);
        assertThat(p.denied()).containsExactly("iam:AttachRolePolicy", "iam:CreateRole", "iam:PassRole");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0)).contains("Action=SimulatePrincipalPolicy").contains("PolicySourceArn=" + USER)
                .contains("ActionNames.member.1=").contains("=iam:CreateRole").contains("=ec2:CreateNatGateway")
                .doesNotContain("Marker");
        assertThat(server.requests().get(1)).contains("Marker=page-2");
    }

    /** An SSO session: the simulator needs the role's ARN, path included, which GetRole gives. */
    @Test
    void anAssumedRoleIsSimulatedAsItsRoleWithThePathFromGetRole() {
        String role = "AWSReservedSSO_PowerUserAccess_0123456789abcdef";
        String roleArn = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/" + role;
        server.answer("<GetRoleResponse xmlns=\"" + NS + "\"><GetRoleResult><Role><Path>/aws-reserved/sso.amazonaws.com/</Path>"
                + "<Arn>" + roleArn + "</Arn><RoleName>" + role + "</RoleName><RoleId>AROAEXAMPLEID</RoleId>"
                + "<CreateDate>2026-01-01T00:00:00Z</CreateDate></Role></GetRoleResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetRoleResponse>");
        server.answer(simulation(null, result("ecs:CreateService", "allowed")));

        PermissionCheck p = new PermissionSimulation(iam).check("arn:aws:sts::123456789012:assumed-role/" + role
                + "/learner@example.com", List.of("ecs:CreateService"));

        assertThat(p.outcome()).isEqualTo(PermissionCheck.Outcome.CHECKED);
        assertThat(p.denied()).isEmpty();
        assertThat(server.requests().get(0)).contains("Action=GetRole").contains("RoleName=" + role);
        assertThat(server.requests().get(1)).contains("PolicySourceArn=" + roleArn);
    }

    @Test
    void aCallerWhoMayNotSimulateIsToldSoNotThatPermissionsAreFine() {
        server.answer(403, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: "
                + USER + " is not authorized to perform: iam:SimulatePrincipalPolicy on resource: user learner</Message>"
                + "</Error><RequestId>e</RequestId></ErrorResponse>");

        PermissionCheck p = new PermissionSimulation(iam).check(USER, List.of("iam:CreateRole"));

        assertThat(p.outcome()).isEqualTo(PermissionCheck.Outcome.SIMULATION_DENIED);
        assertThat(p.detail()).startsWith("AccessDenied").contains("iam:SimulatePrincipalPolicy");
    }

    @Test
    void theRootUserIsNotSimulatedAndAFederatedUserCannotBe() {
        assertThat(new PermissionSimulation(iam).check("arn:aws:iam::123456789012:root", List.of("iam:CreateRole")).outcome())
                .isEqualTo(PermissionCheck.Outcome.ROOT);
        assertThat(new PermissionSimulation(iam).check("arn:aws:sts::123456789012:federated-user/bob", List.of("iam:CreateRole"))
                .outcome()).isEqualTo(PermissionCheck.Outcome.NOT_CHECKED);
        assertThat(server.requests()).isEmpty();
    }
}

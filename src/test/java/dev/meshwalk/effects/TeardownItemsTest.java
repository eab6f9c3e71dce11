package dev.meshwalk.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.meshwalk.cloud.OwnedResource;
import dev.meshwalk.core.TeardownItem;
import dev.meshwalk.core.TeardownVerdict;

/** Mapping menu items back to cloud resources, and the verdict after deleting the picks. */
class TeardownItemsTest {

    private static final OwnedResource STACK = new OwnedResource(OwnedResource.Kind.STACK, "meshwalk-x", "DELETE_FAILED");
    private static final OwnedResource DASH = new OwnedResource(OwnedResource.Kind.DASHBOARD, "meshwalk-x-front-node", "exists");

    @Test
    void aMenuItemMapsBackToItsKindByLabelAndAnUnknownKindToNothing() {
        assertThat(TeardownItems.kindOf(new TeardownItem("CloudFormation stack", "s", "x", true))).contains(OwnedResource.Kind.STACK);
        assertThat(TeardownItems.kindOf(new TeardownItem("CloudWatch dashboard", "d", "x", true))).contains(OwnedResource.Kind.DASHBOARD);
        assertThat(TeardownItems.kindOf(new TeardownItem("ECR repository", "r", "x", true))).isEmpty();
    }

    @Test
    void nothingLeftIsVerifiedAsNothingLeft() {
        TeardownVerdict v = TeardownItems.verify(List.of(STACK, DASH), List.of());
        assertThat(v.pickedGone()).isTrue();
        assertThat(v.lines(false)).containsExactly("[+] Verified: nothing the tutorial created is left on this target.");
    }

    @Test
    void whatWasNotPickedIsListedAsKeptAndIsNoFailure() {
        TeardownVerdict v = TeardownItems.verify(List.of(STACK), List.of(DASH));
        assertThat(v.pickedGone()).isTrue();
        assertThat(v.lines(true)).containsExactly("✓ Verified: everything you picked is gone.",
                "Kept, as you chose (x lists them again):", "  - meshwalk-x-front-node  (CloudWatch dashboard, exists)");
    }

    @Test
    void taggedEc2LeftAfterAPickedStackIsAFailureButBesideAKeptStackItIsPartOfIt() {
        OwnedResource vpc = new OwnedResource(OwnedResource.Kind.EC2_RESOURCE, "vpc-1", "tagged meshwalk:managed=true");
        OwnedResource subnet = new OwnedResource(OwnedResource.Kind.EC2_RESOURCE, "subnet-1", "tagged meshwalk:managed=true");
        TeardownVerdict afterStack = TeardownItems.verify(List.of(STACK), List.of(vpc));
        assertThat(afterStack.pickedGone()).isFalse();
        assertThat(afterStack.lines(false)).containsExactly("[X] Picked but still there:",
                "  - vpc-1  (EC2, tagged meshwalk:managed=true)");
        TeardownVerdict besideStack = TeardownItems.verify(List.of(DASH), List.of(STACK, vpc, subnet));
        assertThat(besideStack.pickedGone()).isTrue();
        assertThat(besideStack.lines(false)).containsExactly("[+] Verified: everything you picked is gone.",
                "Kept, as you chose (x lists them again):", "  - meshwalk-x  (CloudFormation stack, DELETE_FAILED)",
                "  - 2 EC2 resources of the kept stack (they go when the stack goes)");
    }

    @Test
    void aStacksAlarmLeftAfterThePickedStackIsAFailureAndOtherwiseListedAsKept() {
        OwnedResource alarm = new OwnedResource(OwnedResource.Kind.STACK_ALARM, "x-color-5xx", "state OK");
        TeardownVerdict afterStack = TeardownItems.verify(List.of(STACK), List.of(alarm));
        assertThat(afterStack.pickedGone()).isFalse();
        assertThat(afterStack.lines(false)).containsExactly("[X] Picked but still there:",
                "  - x-color-5xx  (CloudWatch alarm, state OK)");
        TeardownVerdict dashboardOnly = TeardownItems.verify(List.of(DASH), List.of(alarm));
        assertThat(dashboardOnly.pickedGone()).isTrue();
        assertThat(dashboardOnly.kept()).extracting(TeardownItem::name).containsExactly("x-color-5xx");
    }

    @Test
    void aPickedItemStillThereIsAFailureNamedApartFromTheKeptOnes() {
        TeardownVerdict v = TeardownItems.verify(List.of(STACK), List.of(STACK, DASH));
        assertThat(v.pickedGone()).isFalse();
        assertThat(v.lines(false)).containsExactly("[X] Picked but still there:",
                "  - meshwalk-x  (CloudFormation stack, DELETE_FAILED)",
                "Kept, as you chose (x lists them again):", "  - meshwalk-x-front-node  (CloudWatch dashboard, exists)");
    }
}

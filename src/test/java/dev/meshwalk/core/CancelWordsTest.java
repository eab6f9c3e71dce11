package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.meshwalk.facts.CancelOutcome;

class CancelWordsTest {

    @Test
    void everyCancelOutcomeSaysWhatHappenedInItsOwnWords() {
        assertThat(CancelWords.of(new CancelOutcome.NoStack("meshwalk-x"))).isEqualTo("There is no stack meshwalk-x to cancel.");
        assertThat(CancelWords.of(new CancelOutcome.Requested())).startsWith("Cancel requested: CloudFormation rolls");
        assertThat(CancelWords.of(new CancelOutcome.Refused("ValidationError: not updatable")))
                .isEqualTo("CloudFormation did not accept the cancel: ValidationError: not updatable");
        assertThat(CancelWords.of(new CancelOutcome.CreateNotCancellable())).contains("cannot be cancelled").contains("teardown");
        assertThat(CancelWords.of(new CancelOutcome.NothingToCancel("UPDATE_COMPLETE")))
                .isEqualTo("Nothing to cancel: the stack is UPDATE_COMPLETE.");
    }
}

package dev.meshwalk.localcloud.service.xray;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedValuesTest {

    private final SharedValues shared = new SharedValues();

    @Test
    void equalValuesComeBackAsOneInstance() {
        String first = new String("howto-basics/howto-basics-front-node");
        String second = new String("howto-basics/howto-basics-front-node");

        assertThat(shared.share(first)).isSameAs(first);
        assertThat(shared.share(second)).isSameAs(first);
        assertThat(shared.share(null)).isNull();
    }

    @Test
    void aFloodOfDistinctValuesStopsBeingKeptButStillComesBackEqual() {
        for (int i = 0; i < SharedValues.MAX_VALUES; i++) {
            shared.share("name-" + i);
        }
        String late = new String("late-name");
        String again = new String("late-name");

        assertThat(shared.share(late)).isSameAs(late);
        assertThat(shared.share(again)).isSameAs(again).isEqualTo(late);
        assertThat(shared.share(new String("name-7"))).isEqualTo("name-7");
    }
}

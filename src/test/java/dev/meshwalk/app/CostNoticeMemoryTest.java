package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost notice shows once per account and region, and the memory holds nothing but those two names. */
class CostNoticeMemoryTest {

    @TempDir
    Path state;

    @Test
    void remembersPerAccountAndRegion() throws Exception {
        CostNoticeMemory memory = new CostNoticeMemory(state.resolve("meshwalk"));
        assertThat(memory.accepted("123456789012", "eu-west-1")).isFalse();
        memory.remember("123456789012", "eu-west-1");
        assertThat(new CostNoticeMemory(state.resolve("meshwalk")).accepted("123456789012", "eu-west-1")).isTrue();
        assertThat(memory.accepted("123456789012", "us-east-1")).isFalse();
        assertThat(memory.accepted("210987654321", "eu-west-1")).isFalse();
        assertThat(Files.readString(state.resolve("meshwalk/aws-cost-notices-accepted.txt")))
                .isEqualTo("123456789012 eu-west-1" + System.lineSeparator());
    }
}

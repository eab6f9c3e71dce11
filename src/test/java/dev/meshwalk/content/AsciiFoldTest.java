package dev.meshwalk.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiFoldTest {

    @Test
    void typographyBecomesReadableAscii() {
        assertThat(AsciiFold.fold("“Envoy” — the proxy’s job → café… ×2 ✓ 中"))
                .isEqualTo("\"Envoy\" -- the proxy's job -> cafe... x2 v ?");
    }

    @Test
    void asciiTextIsReturnedUnchanged() {
        String s = "plain ascii";
        assertThat(AsciiFold.fold(s)).isSameAs(s);
    }
}

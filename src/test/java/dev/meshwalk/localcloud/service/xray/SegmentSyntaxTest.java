package dev.meshwalk.localcloud.service.xray;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written checks accept exactly what the schema's regular expressions accept, and no more. */
class SegmentSyntaxTest {

    private static final String ALPHABET = "0123456789abcdefABCDEF-1xg _.:/%&#=+\\@!<>\"\t\néß名\u2003\u00a0";

    private static List<String> samples(int length, Random random, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < length; j++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void traceIdsAreCheckedAsThePatternSays() {
        Random random = new Random(7);
        List<String> candidates = new ArrayList<>(List.of("1-5759e988-bd862e3fe1be46a994272793",
                "1-5759E988-bd862e3fe1be46a994272793", "2-5759e988-bd862e3fe1be46a994272793",
                "1-5759e988-bd862e3fe1be46a99427279", "1-5759e988-bd862e3fe1be46a9942727930",
                "1-5759e988-bd862e3fe1be46a994272793\n", "1_5759e988-bd862e3fe1be46a994272793", ""));
        for (int i = 0; i < 2000; i++) {
            char[] id = "1-5759e988-bd862e3fe1be46a994272793".toCharArray();
            id[random.nextInt(id.length)] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            candidates.add(new String(id));
        }
        for (String s : candidates) {
            assertThat(SegmentSyntax.isTraceId(s)).as(s).isEqualTo(SegmentSyntax.traceIdPattern().matcher(s).matches());
        }
    }

    @Test
    void entityIdsAreCheckedAsThePatternSays() {
        Random random = new Random(11);
        List<String> candidates = new ArrayList<>(List.of("53995c3f42cd8ad8", "53995C3F42CD8AD8", "53995c3f42cd8ad",
                "53995c3f42cd8ad8a", "53995c3f42cd8ad8\n", ""));
        for (int i = 0; i < 2000; i++) {
            char[] id = "53995c3f42cd8ad8".toCharArray();
            id[random.nextInt(id.length)] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            candidates.add(new String(id));
        }
        for (String s : candidates) {
            assertThat(SegmentSyntax.isEntityId(s)).as(s).isEqualTo(SegmentSyntax.entityIdPattern().matcher(s).matches());
        }
    }

    @Test
    void namesAreCheckedAsThePatternSaysWhateverTheirCharactersAndLength() {
        Random random = new Random(13);
        List<String> candidates = new ArrayList<>(List.of("", "front", "howto-basics/howto-basics-front-node",
                "color.howto-basics.mesh.local:8080", "a".repeat(200), "a".repeat(201), "é".repeat(200),
                "\uD83D\uDE00", "x\uD83D\uDE00".repeat(100), "名".repeat(201), "tab\there", "end\n"));
        for (int length : new int[] {1, 2, 5, 20, 199, 200, 201}) {
            candidates.addAll(samples(length, random, 300));
        }
        for (String s : candidates) {
            assertThat(SegmentSyntax.isName(s)).as(s).isEqualTo(SegmentSyntax.namePattern().matcher(s).matches());
        }
    }

    @Test
    void theSizeLimitCountsUtf8Bytes() {
        int limit = 64 * 1024;
        for (String unit : new String[] {"a", "é", "名", "\uD83D\uDE00"}) {
            for (int bytes : new int[] {limit - 8, limit - 1, limit, limit + 1, limit + 8}) {
                int perUnit = unit.getBytes(StandardCharsets.UTF_8).length;
                String s = unit.repeat(bytes / perUnit) + "a".repeat(bytes % perUnit);
                assertThat(SegmentSyntax.utf8LongerThan(s, limit)).as(unit + " x " + bytes)
                        .isEqualTo(s.getBytes(StandardCharsets.UTF_8).length > limit);
            }
        }
    }
}

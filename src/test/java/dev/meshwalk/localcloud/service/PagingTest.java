package dev.meshwalk.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one offset pager every list of the local cloud uses: slicing, "more follow", the token and size checks. */
class PagingTest {

    private static final Paging DECIMAL = Paging.decimalTokens("next", token -> AwsError.badRequest("BadToken", token))
            .sized("size", 3, 1, 10, size -> AwsError.badRequest("BadSize", "size " + size));
    private static final List<Integer> SEVEN = IntStream.range(0, 7).boxed().toList();

    private static Params input(Object... pairs) {
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            tree.put((String) pairs[i], pairs[i + 1]);
        }
        return new Params(tree);
    }

    @Test
    void theFirstPageHasTheDefaultSizeAndATokenForTheRest() {
        Paging.Page<Integer> page = DECIMAL.page(SEVEN, input());

        assertThat(page.items()).containsExactly(0, 1, 2);
        assertThat(page.nextToken()).isEqualTo("3");
        assertThat(page.truncated()).isTrue();
    }

    @Test
    void followingTheTokensVisitsEveryEntryOnceAndTheLastPageHasNoToken() {
        Paging.Page<Integer> second = DECIMAL.page(SEVEN, input("next", "3"));
        Paging.Page<Integer> last = DECIMAL.page(SEVEN, input("next", second.nextToken()));

        assertThat(second.items()).containsExactly(3, 4, 5);
        assertThat(last.items()).containsExactly(6);
        assertThat(last.nextToken()).isNull();
        assertThat(last.truncated()).isFalse();
    }

    @Test
    void aListOfExactlyOnePageHasNoTokenAndNeitherHasAnEmptyOne() {
        assertThat(DECIMAL.page(SEVEN, input("size", 7)).nextToken()).isNull();
        assertThat(DECIMAL.page(SEVEN, input("size", 7)).items()).isEqualTo(SEVEN);
        assertThat(DECIMAL.page(SEVEN, input("size", 6)).nextToken()).isEqualTo("6");
        assertThat(DECIMAL.page(SEVEN, input("next", "3", "size", 4)).nextToken()).isNull();
        assertThat(DECIMAL.page(List.of(), input()).items()).isEmpty();
        assertThat(DECIMAL.page(List.of(), input()).nextToken()).isNull();
    }

    @Test
    void aTokenPastTheEndIsAnEmptyLastPageEvenNearTheLargestOffset() {
        assertThat(DECIMAL.page(SEVEN, input("next", "100")).items()).isEmpty();
        assertThat(DECIMAL.page(SEVEN, input("next", "100")).nextToken()).isNull();
        assertThat(DECIMAL.page(SEVEN, input("next", Integer.toString(Integer.MAX_VALUE))).items()).isEmpty();
    }

    @Test
    void aTokenThatIsNotAnOffsetIsTheApisOwnError() {
        for (String bad : List.of("x", "-1", "", "3.5")) {
            assertThatThrownBy(() -> DECIMAL.page(SEVEN, input("next", bad)))
                    .isInstanceOfSatisfying(AwsError.class, e -> {
                        assertThat(e.code()).isEqualTo("BadToken");
                        assertThat(e.getMessage()).isEqualTo(bad);
                    });
        }
    }

    @Test
    void aSizeOutsideTheRangeIsTheApisOwnErrorAndIsCheckedBeforeTheToken() {
        assertThatThrownBy(() -> DECIMAL.page(SEVEN, input("size", 0))).hasMessage("size 0");
        assertThatThrownBy(() -> DECIMAL.page(SEVEN, input("size", 11, "next", "x"))).hasMessage("size 11");
        assertThat(DECIMAL.page(SEVEN, input("size", 10)).items()).hasSize(7);
        assertThat(DECIMAL.page(SEVEN, input("size", 1)).items()).containsExactly(0);
    }

    @Test
    void base64TokensAreOpaqueAndReadBack() {
        Paging paging = Paging.base64Tokens("next", token -> AwsError.badRequest("BadToken", token)).fixedSize(2);

        Paging.Page<Integer> first = paging.page(SEVEN, input());
        Paging.Page<Integer> second = paging.page(SEVEN, input("next", first.nextToken()));

        assertThat(first.nextToken()).isEqualTo("Mg==");
        assertThat(second.items()).containsExactly(2, 3);
        assertThatThrownBy(() -> paging.page(SEVEN, input("next", "2"))).hasMessage("2");
        assertThatThrownBy(() -> paging.page(SEVEN, input("next", "LTE="))).hasMessage("LTE=");
    }

    @Test
    void aFixedSizeIgnoresAnySizeMemberTheClientSends() {
        Paging paging = Paging.decimalTokens("next", token -> AwsError.badRequest("BadToken", token)).fixedSize(5);

        assertThat(paging.page(SEVEN, input("size", 1)).items()).hasSize(5);
    }

    @Test
    void anAnswerHoldsThePageShownByTheViewAndTheTokenUnderTheApisNames() {
        Map<String, Object> answer = DECIMAL.answer(SEVEN, input("next", "3"), "Numbers", n -> "#" + n);

        assertThat(answer).containsExactly(Map.entry("Numbers", List.of("#3", "#4", "#5")), Map.entry("next", "6"));
        assertThat(DECIMAL.answer(SEVEN, input("next", "6"), "Numbers")).containsOnlyKeys("Numbers");
    }
}

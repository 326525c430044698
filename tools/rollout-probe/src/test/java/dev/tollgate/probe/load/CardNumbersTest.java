package dev.tollgate.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CardNumbersTest {
  @Test
  void numbersAreSixteenDigitVisasNeverHandedOutTwiceAndNoneOfTheSandboxsMagicNumbers() {
    CardNumbers numbers = new CardNumbers();

    Set<String> drawn = IntStream.range(0, 2000).mapToObj(i -> numbers.get()).collect(Collectors.toSet());

    assertThat(drawn).hasSize(2000).allSatisfy(number -> assertThat(number).matches("4[0-9]{15}"))
        .doesNotContain("4242424242424242", "4000000000000002", "4000000000009995", "4000000000000127", "4000000000000077");
  }

  @Test
  void theCardBodyHasTheNumberAnExpiryInTheFutureAndCsc123() throws Exception {
    JsonNode body = new ObjectMapper().readTree(CardNumbers.cardBody("4111111111111111"));

    assertThat(body.path("number").asText()).isEqualTo("4111111111111111");
    assertThat(body.path("expiry_month").asInt()).isEqualTo(12);
    assertThat(body.path("expiry_year").asInt()).isGreaterThan(java.time.Year.now().getValue());
    assertThat(body.path("csc").asText()).isEqualTo("123");
  }
}

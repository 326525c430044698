package dev.tollgate.vault.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.Json;
import org.junit.jupiter.api.Test;

class RequestsTest {
  private static final String PAN = "4242424242424242";

  @Test
  void bankRequestsNeverPrintTheNumberOrTheCsc() {
    assertThat(new Requests.Verification(PAN, 12, 2030, "987").toString()).doesNotContain(PAN).doesNotContain("987");
    assertThat(new Requests.AuthorizationRequest(PAN, 12, 2030, 1500, "EUR", true, "db_1").toString()).doesNotContain(PAN);
    assertThat(new CardDetails(PAN, 12, 2030).toString()).doesNotContain(PAN);
  }

  @Test
  void anAuthorizationRequestHasTheBanksSnakeCaseFields() {
    JsonNode json = Json.mapper().valueToTree(new Requests.AuthorizationRequest(PAN, 12, 2030, 1500, "EUR", true, "db_1"));

    assertThat(json.get("card_number").asText()).isEqualTo(PAN);
    assertThat(json.get("expiry_month").asInt()).isEqualTo(12);
    assertThat(json.get("expiry_year").asInt()).isEqualTo(2030);
    assertThat(json.get("amount").asLong()).isEqualTo(1500);
    assertThat(json.get("currency").asText()).isEqualTo("EUR");
    assertThat(json.get("capture").asBoolean()).isTrue();
    assertThat(json.get("reference").asText()).isEqualTo("db_1");
  }

  @Test
  void onlyAnApprovedAuthorizationIsApproved() {
    assertThat(new Authorization("auth_1", "approved", null, 100L, "EUR", true, 0L).approved()).isTrue();
    assertThat(new Authorization("auth_1", "declined", "card_declined", 100L, "EUR", false, 0L).approved()).isFalse();
  }
}

package dev.tollgate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Payment(String cardNumber, long amount) {}

  @Test
  void namesAreSnakeCaseOnTheWire() throws Exception {
    assertThat(Json.mapper().writeValueAsString(new Payment("x", 5))).isEqualTo("{\"card_number\":\"x\",\"amount\":5}");
  }

  @Test
  void aNumberIsNotAcceptedForATextField() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"card_number\": 4242, \"amount\": 5}", Payment.class)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void textAndFractionsAreNotAcceptedForAnInteger() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"amount\": \"5\"}", Payment.class)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> Json.mapper().readValue("{\"amount\": 1.5}", Payment.class)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    assertThat(Json.mapper().readValue("{\"amount\": 5, \"extra\": true}", Payment.class).amount()).isEqualTo(5);
  }
}

package dev.tollgate.probe.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The probe's own test marketplace: signed up and given a card before the load, deleted after
 * it. Calls block until answered.
 */
public final class MarketplaceSetup {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MarketplaceSetup() {}

  /** A setup or cleanup call that did not get the answer it needs; the message names the call. */
  public static final class SetupException extends Exception {
    SetupException(String message) {
      super(message);
    }
  }

  /**
   * Signs up marketplace {@code rollout-probe-<runId>} with {@code test: true}
   * ({@code POST /v1/marketplaces}) and tokenizes its first card for it ({@code POST /v1/cards}
   * with the next of {@code cardNumbers}, e.g. {@link CardNumbers}).
   *
   * @throws SetupException when either call fails; the message never holds the card number
   */
  public static Traffic.Marketplace create(Transport transport, String runId, Supplier<String> cardNumbers) throws SetupException {
    Map<String, Object> signup = new LinkedHashMap<>();
    signup.put("name", "rollout-probe-" + runId);
    signup.put("test", true);
    JsonNode marketplace = expect(transport, new Transport.Call("POST", "/v1/marketplaces", Traffic.json(signup), Map.of()), 201);
    String id = field(marketplace, "id", "POST /v1/marketplaces");
    String apiKey = field(marketplace, "api_key", "POST /v1/marketplaces");

    String card = CardNumbers.cardBody(cardNumbers.get());
    JsonNode created = expect(transport, new Transport.Call("POST", "/v1/cards", card, Map.of("Authorization", "Bearer " + apiKey)), 201);
    return new Traffic.Marketplace(id, apiKey, field(created, "id", "POST /v1/cards"));
  }

  /**
   * Deletes the marketplace and everything in it
   * ({@code DELETE /internal/test-data?marketplace_id=…} with {@code X-Verification-Token}).
   *
   * @return the API's account of what it deleted, e.g. {@code {"marketplaces":1,"cards":1,…}}
   * @throws SetupException unless the API answers 200
   */
  public static String delete(Transport transport, String marketplaceId, String verificationToken) throws SetupException {
    String path = "/internal/test-data?marketplace_id=" + URLEncoder.encode(marketplaceId, StandardCharsets.UTF_8);
    JsonNode answer = expect(transport, new Transport.Call("DELETE", path, null, Map.of("X-Verification-Token", verificationToken)), 200);
    return answer.path("deleted").toString();
  }

  private static JsonNode expect(Transport transport, Transport.Call call, int status) throws SetupException {
    String what = call.method() + " " + call.path();
    Transport.Answer answer = transport.send(call).join();
    if (answer.status() == 0) {
      throw new SetupException(what + " got no answer: " + answer.error());
    }
    JsonNode body = parse(answer.body());
    if (answer.status() != status) {
      String code = body.path("code").asText("");
      String message = body.path("message").asText("");
      throw new SetupException(what + " answered " + answer.status() + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message) + ", expected " + status);
    }
    return body;
  }

  private static String field(JsonNode body, String name, String what) throws SetupException {
    JsonNode value = body.path(name);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new SetupException(what + " answered without '" + name + "'");
    }
    return value.asText();
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}

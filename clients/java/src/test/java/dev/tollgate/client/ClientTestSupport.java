package dev.tollgate.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** JSON helpers for the MockWebServer tests. */
final class ClientTestSupport {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private ClientTestSupport() {}

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** The JSON text as a tree, for comparisons that ignore field order and spacing. */
  static JsonNode tree(String json) {
    try {
      return PLAIN.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  static JsonNode body(RecordedRequest request) {
    return tree(request.getBody().readUtf8());
  }
}

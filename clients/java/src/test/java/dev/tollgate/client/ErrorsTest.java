package dev.tollgate.client;

import static dev.tollgate.client.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsTest {
  private MockWebServer server;
  private PaymentsClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = PaymentsClient.builder(server.url("/").uri()).apiKey("sk_abc").build();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "400, invalid_currency, InvalidRequestException",
    "401, unauthorized, AuthenticationException",
    "402, csc_check_failed, CardDeclinedException",
    "403, not_test_data, PaymentsException",
    "404, not_found, NotFoundException",
    "409, debit_not_refundable, ConflictException",
    "422, idempotency_key_reused, IdempotencyException",
    "500, internal_error, ServerException",
    "502, upstream_error, ServerException",
    "504, upstream_timeout, ServerException",
  })
  void eachErrorStatusHasItsExceptionClassWithTheApisCodeAndMessage(int status, String code, String type) {
    server.enqueue(json(status, "{\"code\":\"" + code + "\",\"message\":\"told by the API\",\"details\":{\"service\":\"fraud\"}}"));

    assertThatThrownBy(() -> client.debits().get("db_1"))
        .isInstanceOfSatisfying(PaymentsException.class, e -> {
          assertThat(e.getClass().getSimpleName()).isEqualTo(type);
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).isEqualTo("told by the API");
          assertThat(e.details()).containsEntry("service", "fraud");
          assertThat(e.toString()).contains(String.valueOf(status), code);
        });
  }

  @Test
  void anErrorBodyThatIsNotJsonKeepsTheStatusAndShowsTheStartOfTheBody() {
    server.enqueue(new MockResponse().setResponseCode(503).setBody("<html><body><h1>503 Service Unavailable</h1>\nNo server is available</body></html>"));

    assertThatThrownBy(() -> client.debits().get("db_1"))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.code()).isEqualTo("http_503");
          assertThat(e.getMessage()).contains("503 Service Unavailable").contains("No server is available");
          assertThat(e.details()).isEmpty();
        });
  }

  @Test
  void aSuccessWhoseBodyIsNotTheExpectedJsonIsAnInvalidResponse() {
    server.enqueue(json(200, "not json"));

    assertThatThrownBy(() -> client.debits().get("db_1"))
        .isInstanceOfSatisfying(PaymentsException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_response");
          assertThat(e.status()).isEqualTo(200);
        });
  }

  @Test
  void aDroppedConnectionIsANetworkExceptionWithStatusZero() {
    // The JDK client may retry a GET once on a fresh connection: both attempts are dropped.
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

    assertThatThrownBy(() -> client.debits().get("db_1"))
        .isInstanceOfSatisfying(NetworkException.class, e -> {
          assertThat(e.status()).isZero();
          assertThat(e.code()).isEqualTo("network_error");
          assertThat(e.getMessage()).contains("GET /v1/debits/db_1");
          assertThat(e.getCause()).isInstanceOf(IOException.class);
        });
  }

  @Test
  void aRefusedConnectionIsANetworkException() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    PaymentsClient nowhere = PaymentsClient.builder(URI.create("http://127.0.0.1:" + closedPort)).build();

    assertThatThrownBy(() -> nowhere.marketplaces().signup(SignupRequest.test("x"))).isInstanceOf(NetworkException.class);
  }
}

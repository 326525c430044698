package dev.tollgate.probe.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link Transport} over {@code java.net.http} (HTTP/1.1, asynchronous): each exchange is
 * bounded by a timeout that covers connecting and waiting for the response headers.
 */
public final class HttpTransport implements Transport {
  /** The response header HAProxy sets to the name of the server that answered. */
  public static final String SERVED_BY = "X-Served-By";

  private final String base;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * @param target the base URL, e.g. {@code http://127.0.0.1:8080}; paths are appended to it
   * @param timeout bound on each exchange
   */
  public HttpTransport(URI target, Duration timeout) {
    String text = target.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  @Override
  public CompletableFuture<Answer> send(Call call) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path()))
          .timeout(timeout)
          .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
      if (call.body() != null) {
        request.header("Content-Type", "application/json");
      }
      call.headers().forEach(request::header);
      return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
          .handle((response, error) -> error == null
              ? new Answer(response.statusCode(), response.body(), response.headers().firstValue(SERVED_BY).orElse(null), null)
              : Answer.failed(describe(error)));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(Answer.failed(describe(e)));
    }
  }

  private String describe(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}

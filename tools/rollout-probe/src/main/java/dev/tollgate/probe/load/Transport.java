package dev.tollgate.probe.load;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sends one HTTP exchange without blocking; tests pass a fake. */
public interface Transport {
  /**
   * A request to send.
   *
   * @param method HTTP method, e.g. {@code POST}
   * @param path path and query after the target's base URL, e.g. {@code /v1/debits?limit=10}
   * @param body a JSON body, or null for none
   * @param headers further headers (Content-Type is set when there is a body)
   */
  record Call(String method, String path, String body, Map<String, String> headers) {
    /** A copy with an unmodifiable map of headers. */
    public Call {
      headers = Map.copyOf(headers);
    }
  }

  /**
   * What came back.
   *
   * @param status the HTTP status, or 0 when there was no answer
   * @param body the response body (possibly empty), or null when there was no answer
   * @param instance the {@code X-Served-By} response header, or null
   * @param error why there was no answer, or null
   */
  record Answer(int status, String body, String instance, String error) {
    /** No answer, for {@code error}. */
    public static Answer failed(String error) {
      return new Answer(0, null, null, error);
    }
  }

  /** Sends {@code call}; the future always completes normally, with status 0 for a transport error. */
  CompletableFuture<Answer> send(Call call);
}

package dev.tollgate.payments.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, on the wire {@code {"data": [...], "limit", "offset", "has_more"}}.
 * Lists are ordered newest first, then by id.
 */
public record Page<T>(List<T> data, int limit, int offset, boolean hasMore) {
  public Page {
    data = List.copyOf(data);
  }

  /** The page from rows fetched with {@link PageRequest#fetchSize()}: a surplus row means more. */
  public static <T> Page<T> of(List<T> fetched, PageRequest request) {
    boolean more = fetched.size() > request.limit();
    return new Page<>(more ? fetched.subList(0, request.limit()) : fetched, request.limit(), request.offset(), more);
  }

  /** The same page with each item converted. */
  public <R> Page<R> map(Function<T, R> convert) {
    return new Page<>(data.stream().map(convert).toList(), limit, offset, hasMore);
  }
}

package dev.tollgate.client;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * One page of a list, on the wire {@code {"data": [...], "limit", "offset", "has_more"}};
 * items are newest first, then by id.
 *
 * @param <T> the item type ({@link Card}, {@link Debit}, {@link Refund})
 */
public final class Page<T> {
  private final List<T> data;
  private final int limit;
  private final int offset;
  private final boolean hasMore;
  private final BiFunction<Integer, Integer, Page<T>> fetch;

  /** What the API sends; {@link Page} adds the way to fetch the next one. */
  record Body<T>(List<T> data, Integer limit, Integer offset, Boolean hasMore) {}

  Page(Body<T> body, BiFunction<Integer, Integer, Page<T>> fetch) {
    if (body.data() == null || body.limit() == null || body.offset() == null || body.hasMore() == null) {
      throw new PaymentsException(200, "invalid_response", "a list answer lacks data, limit, offset or has_more", Map.of());
    }
    this.data = List.copyOf(body.data());
    this.limit = body.limit();
    this.offset = body.offset();
    this.hasMore = body.hasMore();
    this.fetch = Objects.requireNonNull(fetch);
  }

  /** The items of this page, at most {@link #limit()}. */
  public List<T> data() {
    return data;
  }

  /** The page size asked for (1..100). */
  public int limit() {
    return limit;
  }

  /** How many items precede this page. */
  public int offset() {
    return offset;
  }

  /** Whether items follow this page. */
  public boolean hasMore() {
    return hasMore;
  }

  /**
   * Fetches the page after this one (same limit, offset + limit).
   *
   * @throws NoSuchElementException when {@link #hasMore()} is false
   * @throws PaymentsException as the list call itself
   */
  public Page<T> next() {
    if (!hasMore) {
      throw new NoSuchElementException("this is the last page (offset " + offset + ", " + data.size() + " items)");
    }
    return fetch.apply(limit, offset + limit);
  }

  /** The next page, or empty when this is the last one. */
  public Optional<Page<T>> nextPage() {
    return hasMore ? Optional.of(next()) : Optional.empty();
  }

  /**
   * This page's items followed by those of every later page, fetched lazily as the stream is
   * consumed (a page is fetched only when its first item is needed).
   */
  public Stream<T> streamAll() {
    return Stream.iterate(this, Objects::nonNull, page -> page.hasMore ? page.next() : null)
        .flatMap(page -> page.data.stream());
  }

  @Override
  public String toString() {
    return "Page[offset=" + offset + ", limit=" + limit + ", items=" + data.size() + ", hasMore=" + hasMore + "]";
  }
}

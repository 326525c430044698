package dev.tollgate.payments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {
  @Test
  void absentParametersGiveTwentyFromZero() {
    assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(20, 0));
  }

  @Test
  void limitsFromOneToOneHundredAreAccepted() {
    assertThat(PageRequest.parse("1", "0").limit()).isEqualTo(1);
    assertThat(PageRequest.parse("100", "7")).isEqualTo(new PageRequest(100, 7));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "abc", "", "1.5", "99999999999"})
  void aLimitOutsideOneToOneHundredIsInvalidLimit(String limit) {
    assertThatThrownBy(() -> PageRequest.parse(limit, null)).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("invalid_limit");
      assertThat(e.details()).containsEntry("field", "limit");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "x", ""})
  void aNegativeOrNonNumericOffsetIsInvalidOffset(String offset) {
    assertThatThrownBy(() -> PageRequest.parse(null, offset)).isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("invalid_offset"));
  }

  @Test
  void oneRowMoreThanTheLimitMeansHasMore() {
    PageRequest request = new PageRequest(2, 0);
    assertThat(request.fetchSize()).isEqualTo(3);
    Page<String> page = Page.of(List.of("a", "b", "c"), request);
    assertThat(page.data()).containsExactly("a", "b");
    assertThat(page.hasMore()).isTrue();
    assertThat(Page.of(List.of("a", "b"), request).hasMore()).isFalse();
  }
}

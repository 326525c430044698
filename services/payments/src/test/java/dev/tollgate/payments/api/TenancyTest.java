package dev.tollgate.payments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.ApiError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenancyTest {
  record Thing(String id, String marketplaceId) {}

  @Test
  void aResourceOfTheCallerIsReturned() {
    Thing thing = new Thing("card_1", "mp_a");
    assertThat(Tenancy.requireOwned(Optional.of(thing), Thing::marketplaceId, "mp_a", "card", "card_1")).isSameAs(thing);
  }

  @Test
  void anotherMarketplacesResourceIsNotFoundAndDoesNotNameTheOwner() {
    Optional<Thing> theirs = Optional.of(new Thing("card_1", "mp_b"));
    assertThatThrownBy(() -> Tenancy.requireOwned(theirs, Thing::marketplaceId, "mp_a", "card", "card_1"))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.code()).isEqualTo("not_found");
          assertThat(e.getMessage()).doesNotContain("mp_b");
        });
  }

  @Test
  void aMissingResourceIsNotFound() {
    assertThatThrownBy(() -> Tenancy.requireOwned(Optional.<Thing>empty(), Thing::marketplaceId, "mp_a", "debit", "db_9"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).isEqualTo("debit db_9 not found"));
  }
}

package dev.tollgate.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CardPoolTest {
  private static final long LONG_WAIT = 60_000;

  @Test
  void eachCardGivesExactlyThreeChargesThenDebitsWaitForTheNextCard() {
    CardPool pool = new CardPool("card_1");

    List<CompletableFuture<String>> claims = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      claims.add(pool.claim(LONG_WAIT));
    }

    assertThat(claims.subList(0, 3)).allSatisfy(claim -> assertThat(claim.join()).isEqualTo("card_1"));
    assertThat(claims.get(3)).isNotDone();
    pool.creating();
    pool.created("card_2");
    assertThat(claims.get(3).join()).isEqualTo("card_2");
    assertThat(List.of(pool.claim(LONG_WAIT).join(), pool.claim(LONG_WAIT).join())).containsOnly("card_2");
    assertThat(pool.claim(LONG_WAIT)).isNotDone();
  }

  @Test
  void aCardIsWantedOnlyWhileFewerThanThreeChargesAreLeftOrComing() {
    CardPool pool = new CardPool("card_1");

    assertThat(pool.wantsCard()).isFalse();
    pool.claim(LONG_WAIT);
    assertThat(pool.wantsCard()).isTrue();
    pool.creating();
    assertThat(pool.wantsCard()).as("a card POST in flight counts for its charges").isFalse();
    pool.failed();
    assertThat(pool.wantsCard()).isTrue();
  }

  @Test
  void aDebitThatWaitsTooLongGetsNoCardAndDoesNotTakeACharge() {
    CardPool pool = new CardPool("card_1");
    for (int i = 0; i < 3; i++) {
      pool.claim(LONG_WAIT);
    }

    String card = pool.claim(20).join();
    pool.creating();
    pool.created("card_2");

    assertThat(card).isNull();
    assertThat(List.of(pool.claim(LONG_WAIT).join(), pool.claim(LONG_WAIT).join(), pool.claim(LONG_WAIT).join())).containsOnly("card_2");
  }
}

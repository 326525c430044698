package dev.tollgate.verification.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.client.Card;
import dev.tollgate.client.InvalidRequestException;
import dev.tollgate.client.NotFoundException;
import dev.tollgate.client.PaymentsClient;
import dev.tollgate.client.TestCards;
import dev.tollgate.verification.DependsOnSuites;
import dev.tollgate.verification.RunContext;
import dev.tollgate.verification.VerificationSuite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cards: tokenizing through the vault (and the bank's verification), reading back, isolation. */
@Tag("production")
@VerificationSuite("cards")
@DependsOnSuites("signup")
class CardsSuite {
  private final RunContext run;

  CardsSuite(RunContext run) {
    this.run = run;
  }

  @Test
  void tokenizesAFreshApprovedCard() {
    String number = TestCards.uniqueApproved();

    Card card = run.client().cards().create(TestCards.request(number));

    assertThat(card.id()).startsWith("card_");
    assertThat(card.brand()).isEqualTo("visa");
    assertThat(card.lastFour()).isEqualTo(number.substring(number.length() - 4));
    assertThat(card.expiryMonth()).isEqualTo(12);
    assertThat(card.expiryYear()).isEqualTo(TestCards.validExpiryYear());
  }

  @Test
  void aTokenizedCardReadsBackAndIsListed() {
    PaymentsClient client = run.client();
    Card card = client.cards().create(TestCards.request(TestCards.uniqueApproved()));

    assertThat(client.cards().get(card.id())).isEqualTo(card);
    assertThat(client.cards().list(100, 0).data()).extracting(Card::id).contains(card.id());
  }

  @Test
  void aNumberFailingTheLuhnCheckIsRefused() {
    String valid = TestCards.uniqueApproved();
    int lastDigit = valid.charAt(valid.length() - 1) - '0';
    String invalid = valid.substring(0, valid.length() - 1) + (lastDigit + 1) % 10;

    assertThatThrownBy(() -> run.client().cards().create(TestCards.request(invalid)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_card_number"));
  }

  @Test
  void anotherMarketplaceCannotSeeTheCard() {
    Card card = run.client().cards().create(TestCards.request(TestCards.uniqueApproved()));
    PaymentsClient other = run.anonymous().withApiKey(run.signUpTestMarketplace("other").apiKey());

    assertThatThrownBy(() -> other.cards().get(card.id()))
        .as("another tenant's card is a 404, never a 403")
        .isInstanceOf(NotFoundException.class);
  }
}

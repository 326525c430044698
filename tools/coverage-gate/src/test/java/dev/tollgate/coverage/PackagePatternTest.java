package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackagePatternTest {

  @Test
  void starMatchesAnyRunOfCharactersIncludingDotsAndNone() {
    PackagePattern pattern = new PackagePattern("dev.tollgate.*");
    assertThat(pattern.matches("dev.tollgate.bank")).isTrue();
    assertThat(pattern.matches("dev.tollgate.payments.debits")).isTrue();
    assertThat(pattern.matches("dev.tollgate.")).isTrue();
    assertThat(pattern.matches("dev.tollgate")).isFalse();
    assertThat(pattern.matches("dev.tollgatex.bank")).isFalse();
    assertThat(new PackagePattern("dev.tollgate.vault*").matches("dev.tollgate.vault")).isTrue();
    assertThat(new PackagePattern("*").matches("")).isTrue();
  }

  @Test
  void starInTheMiddleBacktracksToFindTheSuffix() {
    PackagePattern pattern = new PackagePattern("dev.tollgate.*.debits");
    assertThat(pattern.matches("dev.tollgate.payments.debits")).isTrue();
    assertThat(pattern.matches("dev.tollgate.a.debits.x.debits")).isTrue();
    assertThat(pattern.matches("dev.tollgate.payments.debits.internal")).isFalse();
    assertThat(pattern.matches("dev.tollgate.debits")).isFalse();
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    PackagePattern pattern = new PackagePattern("dev.tollgate.ban?");
    assertThat(pattern.matches("dev.tollgate.bank")).isTrue();
    assertThat(pattern.matches("dev.tollgate.ban")).isFalse();
    assertThat(pattern.matches("dev.tollgate.banks")).isFalse();
  }

  @Test
  void anExactNameMatchesOnlyItself() {
    PackagePattern pattern = new PackagePattern("dev.tollgate.bank");
    assertThat(pattern.isExact()).isTrue();
    assertThat(pattern.matches("dev.tollgate.bank")).isTrue();
    assertThat(pattern.matches("dev.tollgate.bank.api")).isFalse();
    assertThat(pattern.matches("dev.tollgate.ban")).isFalse();
  }

  @Test
  void literalCountLeavesOutBothWildcards() {
    assertThat(new PackagePattern("dev.tollgate.payments.*").literalCount()).isEqualTo(22);
    assertThat(new PackagePattern("dev.tollgate.*").literalCount()).isEqualTo(13);
    assertThat(new PackagePattern("dev.?ollgate.*").literalCount()).isEqualTo(12);
    assertThat(new PackagePattern("*").literalCount()).isZero();
    assertThat(new PackagePattern("dev.tollgate.*").isExact()).isFalse();
  }

  @Test
  void specificityPutsExactNamesAboveEveryPatternThenMoreLiteralsAboveFewer() {
    PackagePattern exact = new PackagePattern("dev.tollgate.bank");
    PackagePattern sameLiterals = new PackagePattern("dev.tollgate.bank*");
    PackagePattern shorter = new PackagePattern("dev.tollgate.*");
    assertThat(PackagePattern.SPECIFICITY.compare(exact, sameLiterals)).isPositive();
    assertThat(PackagePattern.SPECIFICITY.compare(sameLiterals, shorter)).isPositive();
    assertThat(PackagePattern.SPECIFICITY.compare(shorter, new PackagePattern("*"))).isPositive();
    assertThat(PackagePattern.SPECIFICITY.compare(new PackagePattern("a.*"), new PackagePattern("*.b"))).isZero();
  }

  @Test
  void commonMatchFindsANameBothPatternsMatch() {
    PackagePattern left = new PackagePattern("dev.tollgate.*s");
    PackagePattern right = new PackagePattern("dev.*.debits");
    String example = left.commonMatch(right).orElseThrow();
    assertThat(left.matches(example)).as(example).isTrue();
    assertThat(right.matches(example)).as(example).isTrue();
  }

  @Test
  void commonMatchIsEmptyWhenNoNameCanMatchBoth() {
    assertThat(new PackagePattern("dev.tollgate.payments.*").commonMatch(new PackagePattern("dev.tollgate.fraud.*")))
        .isEmpty();
    assertThat(new PackagePattern("a?").commonMatch(new PackagePattern("a??"))).isEmpty();
    assertThat(new PackagePattern("*.cards").commonMatch(new PackagePattern("*.debits"))).isEmpty();
  }

  @Test
  void commonMatchOfAStarAndAnythingIsThatThing() {
    assertThat(new PackagePattern("*").commonMatch(new PackagePattern("dev.tollgate.bank")))
        .contains("dev.tollgate.bank");
    assertThat(new PackagePattern("dev.?").commonMatch(new PackagePattern("*")).orElseThrow()).hasSize(5);
  }
}

package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void aFailedRunsSummaryHasALinePerSuiteTheFailedTestsAndTheTotals() {
    String summary = Summary.of(Reports.failed(Reports.START));

    assertThat(summary).contains("against http://127.0.0.1:8080 (version 20261121.051724-4a81b31)")
        .containsPattern("(?m)^  signup +passed +1 tests")
        .containsPattern("(?m)^  cards +failed +1 of 2 tests failed")
        .contains("      tokenizes: ServerException[502 upstream_error]: the vault failed")
        .containsPattern("(?m)^  debits +skipped +depends on suite 'cards', which failed")
        .endsWith("FAILED: 2 passed, 1 failed, 1 skipped\n");
  }

  @Test
  void aPassedRunsSummarySaysPassedAndWhatTheCleanupDeleted() {
    String summary = Summary.of(Reports.passed(Reports.START));

    assertThat(summary).contains("cleanup deleted 1 marketplaces, 2 cards, 0 debits, 0 refunds").endsWith("PASSED: 3 passed, 0 failed, 0 skipped\n");
  }
}

package dev.tollgate.probe.load;

/** What a probe request does, by method and path shape. */
public enum RequestKind {
  /** {@code GET /v1/debits?limit=10}. */
  LIST_DEBITS("GET /v1/debits"),
  /** {@code GET /v1/debits/{id}} of a debit the API acknowledged earlier in the run. */
  GET_DEBIT("GET /v1/debits/{id}"),
  /** {@code POST /v1/debits} with a fresh {@code Idempotency-Key}. */
  CREATE_DEBIT("POST /v1/debits"),
  /** {@code POST /v1/cards} tokenizing a fresh approved test card number, for the debits to come. */
  CREATE_CARD("POST /v1/cards");

  private final String label;

  RequestKind(String label) {
    this.label = label;
  }

  /** Method and path template, as printed and written to the report. */
  public String label() {
    return label;
  }
}

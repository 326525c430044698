package dev.tollgate.client;

/**
 * Body of a marketplace signup, {@code POST /v1/marketplaces}: {@code {name, email?, test}}.
 *
 * @param name the marketplace's name, 1..200 characters
 * @param email a contact address, or null
 * @param test whether it is a test marketplace: its data may be swept by the test-data cleanup
 */
public record SignupRequest(String name, String email, boolean test) {
  /** A test marketplace named {@code name}, without email. */
  public static SignupRequest test(String name) {
    return new SignupRequest(name, null, true);
  }
}

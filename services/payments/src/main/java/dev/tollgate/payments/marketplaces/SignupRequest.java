package dev.tollgate.payments.marketplaces;

import dev.tollgate.payments.api.Fields;
import dev.tollgate.service.ApiError;

/** Body of {@code POST /v1/marketplaces}: {@code {name, email?, test?}} ({@code test} defaults to false). */
record SignupRequest(String name, String email, Boolean test) {
  SignupRequest validated() {
    String checkedName = Fields.requireText(name, "name", 200).trim();
    String checkedEmail = Fields.optional(email, "email", 254);
    if (checkedEmail != null && !checkedEmail.matches("[^@\\s]+@[^@\\s]+")) {
      throw ApiError.invalid("invalid_email", "email", "email must look like name@example.com");
    }
    return new SignupRequest(checkedName, checkedEmail, test != null && test);
  }
}

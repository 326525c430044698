package dev.tollgate.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A service's configuration: environment variables, read once at startup and passed on
 * through constructors. Services read nothing else (no files, no system properties).
 *
 * <p>Every accessor fails with a {@link ConfigException} that names the variable and the
 * value at fault, so a bad deploy says exactly what to fix.
 */
public final class Env {
  private final Map<String, String> values;

  private Env(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The process environment. */
  public static Env system() {
    return new Env(System.getenv());
  }

  /** A fixed set of variables, for tests and for tools that build a service's environment. */
  public static Env of(Map<String, String> values) {
    return new Env(values);
  }

  /** The variable's value; blank counts as unset. */
  public Optional<String> find(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * The variable's value.
   *
   * @throws ConfigException when it is unset or blank
   */
  public String require(String name) {
    return find(name).orElseThrow(() -> new ConfigException(name + " is not set"));
  }

  /** The variable's value, or {@code fallback} when unset. */
  public String get(String name, String fallback) {
    return find(name).orElse(fallback);
  }

  /**
   * An integer variable.
   *
   * @throws ConfigException when set but not a base-10 integer
   */
  public int intValue(String name, int fallback) {
    Optional<String> raw = find(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + "='" + raw.get() + "' is not an integer");
    }
  }

  /**
   * A duration given in whole seconds (e.g. {@code SHUTDOWN_TIMEOUT_SECONDS=10}).
   *
   * @throws ConfigException when set but not a non-negative integer
   */
  public Duration seconds(String name, Duration fallback) {
    int value = intValue(name, (int) fallback.toSeconds());
    if (value < 0) {
      throw new ConfigException(name + "='" + value + "' must not be negative");
    }
    return Duration.ofSeconds(value);
  }

  /** Raised for a missing or malformed environment variable; its message names the variable. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super("configuration error: " + message);
    }
  }
}

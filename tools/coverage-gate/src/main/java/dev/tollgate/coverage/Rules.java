package dev.tollgate.coverage;

import java.util.Map;
import java.util.TreeMap;

/** A validated rules file: its display name and its scopes by name. */
record Rules(String file, Map<String, RuleSet> scopes) {
  Rules {
    scopes = Map.copyOf(scopes);
  }

  /** The rules of {@code name}; a scope the file does not define is bad input. */
  RuleSet scope(String name) {
    RuleSet set = scopes.get(name);
    if (set == null) {
      throw new GateException(
          "unknown scope '" + name + "': " + file + " defines " + String.join(", ", new TreeMap<>(scopes).keySet()));
    }
    return set;
  }
}

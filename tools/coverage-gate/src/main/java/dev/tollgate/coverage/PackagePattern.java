package dev.tollgate.coverage;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;

/**
 * A rule's package pattern: a dotted package name with JaCoCo's wildcards, {@code *} for any run
 * of characters (dots included, possibly empty) and {@code ?} for exactly one character. So
 * {@code dev.tollgate.*.debits} matches {@code dev.tollgate.payments.debits}, and
 * {@code dev.tollgate.vault*} matches {@code dev.tollgate.vault} and every package below it.
 *
 * <p>Specificity (see {@link #SPECIFICITY}): an exact name (no wildcard) beats any pattern; among
 * patterns, the one with more literal (non-wildcard) characters wins. Two patterns with the same
 * number of literal characters that can match a common package are ambiguous; {@link
 * #commonMatch} finds such a package so the rules loader can refuse the file.
 */
record PackagePattern(String text) {

  /** Orders patterns from least to most specific: exact names last, then by literal count. */
  static final Comparator<PackagePattern> SPECIFICITY =
      Comparator.comparing(PackagePattern::isExact).thenComparingInt(PackagePattern::literalCount);

  PackagePattern {
    if (text == null) {
      throw new IllegalArgumentException("pattern is null");
    }
  }

  /** True when the pattern has no wildcard and so names exactly one package. */
  boolean isExact() {
    return text.indexOf('*') < 0 && text.indexOf('?') < 0;
  }

  /** The number of characters that are neither {@code *} nor {@code ?}. */
  int literalCount() {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (!isWildcard(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  /** True when {@code packageName} (dotted, e.g. {@code dev.tollgate.bank}) matches the pattern. */
  boolean matches(String packageName) {
    int p = 0;
    int s = 0;
    int star = -1;
    int resume = 0;
    while (s < packageName.length()) {
      if (p < text.length() && text.charAt(p) == '*') {
        star = p++;
        resume = s;
      } else if (p < text.length() && (text.charAt(p) == '?' || text.charAt(p) == packageName.charAt(s))) {
        p++;
        s++;
      } else if (star >= 0) {
        p = star + 1;
        s = ++resume;
      } else {
        return false;
      }
    }
    while (p < text.length() && text.charAt(p) == '*') {
      p++;
    }
    return p == text.length();
  }

  /**
   * A name that both this pattern and {@code other} match, if there is one (the shortest such
   * name, with {@code x} standing for characters both leave free). Used to prove two equally
   * specific rules ambiguous.
   */
  Optional<String> commonMatch(PackagePattern other) {
    String a = text;
    String b = other.text;
    int width = b.length() + 1;
    int states = (a.length() + 1) * width;
    int[] previous = new int[states];
    char[] via = new char[states]; // the character consumed to reach a state, 0 for none
    boolean[] seen = new boolean[states];
    Deque<Integer> queue = new ArrayDeque<>();
    seen[0] = true;
    queue.add(0);
    int goal = a.length() * width + b.length();
    while (!queue.isEmpty()) {
      int state = queue.poll();
      if (state == goal) {
        StringBuilder name = new StringBuilder();
        for (int at = state; at != 0; at = previous[at]) {
          if (via[at] != 0) {
            name.append(via[at]);
          }
        }
        return Optional.of(name.reverse().toString());
      }
      int i = state / width;
      int j = state % width;
      // A star may also match nothing: step over it without consuming a character.
      if (i < a.length() && a.charAt(i) == '*') {
        visit(state, (i + 1) * width + j, (char) 0, previous, via, seen, queue);
      }
      if (j < b.length() && b.charAt(j) == '*') {
        visit(state, i * width + j + 1, (char) 0, previous, via, seen, queue);
      }
      // Both consume one character: a star stays put, '?' or a literal moves on.
      if (i < a.length() && j < b.length()) {
        char ca = a.charAt(i);
        char cb = b.charAt(j);
        boolean literalA = !isWildcard(ca);
        boolean literalB = !isWildcard(cb);
        if (literalA && literalB && ca != cb) {
          continue;
        }
        char consumed = literalA ? ca : literalB ? cb : 'x';
        int nextI = ca == '*' ? i : i + 1;
        int nextJ = cb == '*' ? j : j + 1;
        if (nextI != i || nextJ != j) {
          visit(state, nextI * width + nextJ, consumed, previous, via, seen, queue);
        }
      }
    }
    return Optional.empty();
  }

  private static void visit(
      int from, int to, char consumed, int[] previous, char[] via, boolean[] seen, Deque<Integer> queue) {
    if (!seen[to]) {
      seen[to] = true;
      previous[to] = from;
      via[to] = consumed;
      queue.add(to);
    }
  }

  private static boolean isWildcard(char c) {
    return c == '*' || c == '?';
  }

  @Override
  public String toString() {
    return text;
  }
}

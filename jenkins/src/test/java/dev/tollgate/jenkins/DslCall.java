package dev.tollgate.jenkins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One call recorded by {@link DslInterpreter}: its name, its arguments (a map first when it had
 * named arguments, as Groovy passes them), whether it had a closure, and the calls made inside
 * that closure, in order. An assignment ({@code id = 'x'}) is recorded as a call with one
 * argument. A call passed as an argument to another ({@code buildDiscarder(logRotator(...))})
 * is that call's argument, not a sibling.
 */
final class DslCall {
  private final DslCall parent;
  private final String name;
  private final List<Object> args;
  private final boolean body;
  private final boolean assignment;
  private final List<DslCall> children = new ArrayList<>();

  private DslCall(DslCall parent, String name, List<Object> args, boolean body, boolean assignment) {
    this.parent = parent;
    this.name = name;
    this.args = Collections.unmodifiableList(new ArrayList<>(args));
    this.body = body;
    this.assignment = assignment;
  }

  /** The root of a file's calls. */
  static DslCall root(String name) {
    return new DslCall(null, name, List.of(), true, false);
  }

  DslCall add(String name, List<Object> args, boolean body) {
    args.forEach(this::detach);
    DslCall call = new DslCall(this, name, args, body, false);
    children.add(call);
    return call;
  }

  DslCall assign(String name, Object value) {
    detach(value);
    DslCall call = new DslCall(this, name, Collections.singletonList(value), false, true);
    children.add(call);
    return call;
  }

  private void detach(Object value) {
    if (value instanceof DslCall call) {
      children.removeIf(child -> child == call);
    } else if (value instanceof Collection<?> values) {
      values.forEach(this::detach);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(this::detach);
    }
  }

  String name() {
    return name;
  }

  DslCall parent() {
    return parent;
  }

  List<Object> args() {
    return args;
  }

  boolean hasBody() {
    return body;
  }

  boolean isAssignment() {
    return assignment;
  }

  List<DslCall> children() {
    return Collections.unmodifiableList(children);
  }

  /** The arguments that are not the map of named arguments. */
  List<Object> positional() {
    return args.stream().filter(arg -> !(arg instanceof Map<?, ?>)).toList();
  }

  /** Positional argument {@code index} as text, or null when there is none. */
  String text(int index) {
    List<Object> positional = positional();
    return index < positional.size() ? textOf(positional.get(index)) : null;
  }

  /** The named arguments, or an empty map. */
  Map<?, ?> named() {
    return args.stream().filter(arg -> arg instanceof Map<?, ?>).map(arg -> (Map<?, ?>) arg)
        .findFirst().orElse(Map.of());
  }

  Object named(String key) {
    return named().get(key);
  }

  /** A named argument as text (a GString as it reads), or null. */
  String namedText(String key) {
    return textOf(named(key));
  }

  List<DslCall> children(String name) {
    return children.stream().filter(child -> child.name.equals(name)).toList();
  }

  Optional<DslCall> first(String name) {
    return children.stream().filter(child -> child.name.equals(name)).findFirst();
  }

  /** The one child called {@code name}; fails naming this call when there is none or several. */
  DslCall only(String name) {
    List<DslCall> found = children(name);
    if (found.size() != 1) {
      throw new IllegalStateException("expected one " + name + " { } in " + this + ", found " + found.size());
    }
    return found.get(0);
  }

  /** Every call below this one, depth first, in the order they were made. */
  Stream<DslCall> descendants() {
    return children.stream().flatMap(child -> Stream.concat(Stream.of(child), child.descendants()));
  }

  /** The calls this one was made inside, nearest first. */
  List<DslCall> ancestors() {
    List<DslCall> found = new ArrayList<>();
    for (DslCall call = parent; call != null; call = call.parent) {
      found.add(call);
    }
    return found;
  }

  static String textOf(Object value) {
    return value == null ? null : value.toString();
  }

  @Override
  public String toString() {
    String arguments = args.stream().map(arg -> arg instanceof CharSequence ? "'" + arg + "'" : String.valueOf(arg))
        .collect(Collectors.joining(", "));
    return name + "(" + arguments + ")";
  }
}

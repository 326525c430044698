package dev.tollgate.jenkins;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.GroovyShell;
import groovy.util.DelegatingScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.control.CompilerConfiguration;

/**
 * Evaluates a Groovy DSL file (a Jenkinsfile, a Job DSL script) with Groovy itself and records
 * what it calls instead of doing it: every method call becomes a {@link DslCall}, a closure
 * passed to it is run with a recorder as its delegate (so the calls inside become its
 * children), and a name nothing defines ({@code any}, {@code env.BUILD_TAG}) reads as a
 * {@link DslSymbol}. Variables handed in (Job DSL's {@code providedEnv}) read as their values.
 */
final class DslInterpreter {
  private final Map<String, ?> variables;
  private final Set<String> unresolved = new LinkedHashSet<>();

  DslInterpreter(Map<String, ?> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** Evaluates {@code file} with no variables. */
  static DslCall evaluate(Path file) {
    return new DslInterpreter(Map.of()).run(file);
  }

  DslCall run(Path file) {
    try {
      return run(Files.readString(file), file.getFileName().toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Evaluates {@code source}; {@code name} names it in compilation errors. */
  DslCall run(String source, String name) {
    CompilerConfiguration config = new CompilerConfiguration();
    config.setScriptBaseClass(DelegatingScript.class.getName());
    GroovyShell shell = new GroovyShell(DslInterpreter.class.getClassLoader(), new Binding(), config);
    DelegatingScript script = (DelegatingScript) shell.parse(source, name.replaceAll("[^A-Za-z0-9_]", "_") + ".groovy");
    DslCall root = DslCall.root(name);
    script.setDelegate(new Recorder(root));
    script.run();
    return root;
  }

  /** The names read that neither the DSL nor the variables define, in the order first read. */
  Set<String> unresolved() {
    return Collections.unmodifiableSet(unresolved);
  }

  /** The delegate of one call's closure: what the closure calls is recorded as its children. */
  public final class Recorder extends GroovyObjectSupport {
    private final DslCall call;

    Recorder(DslCall call) {
      this.call = call;
    }

    public Object methodMissing(String name, Object args) {
      List<Object> values = new ArrayList<>(args instanceof Object[] array ? Arrays.asList(array) : Collections.singletonList(args));
      Closure<?> body = null;
      if (!values.isEmpty() && values.get(values.size() - 1) instanceof Closure<?> closure) {
        body = closure;
        values.remove(values.size() - 1);
      }
      DslCall child = call.add(name, values, body != null);
      if (body != null) {
        Closure<?> copy = (Closure<?>) body.clone();
        copy.setResolveStrategy(Closure.DELEGATE_FIRST);
        copy.setDelegate(new Recorder(child));
        copy.call();
      }
      return child;
    }

    public Object propertyMissing(String name) {
      if (variables.containsKey(name)) {
        return variables.get(name);
      }
      unresolved.add(name);
      return new DslSymbol(name);
    }

    public void propertyMissing(String name, Object value) {
      call.assign(name, value);
    }
  }

  /** A name nothing defines, e.g. {@code any} or {@code env.BUILD_TAG}; reads as {@code ${name}}. */
  public static final class DslSymbol extends GroovyObjectSupport {
    private final String path;

    DslSymbol(String path) {
      this.path = path;
    }

    public Object propertyMissing(String name) {
      return new DslSymbol(path + "." + name);
    }

    String path() {
      return path;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof DslSymbol symbol && symbol.path.equals(path);
    }

    @Override
    public int hashCode() {
      return path.hashCode();
    }

    @Override
    public String toString() {
      return "${" + path + "}";
    }
  }
}

package dev.tollgate.coverage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ICoverageNode;
import org.jacoco.core.analysis.IPackageCoverage;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.IRuntime;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;
import org.jacoco.report.IReportGroupVisitor;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.ISourceFileLocator;
import org.jacoco.report.xml.XMLFormatter;

/**
 * Test support: measures real classes with JaCoCo itself, in this JVM. The fixture classes'
 * original bytes are instrumented with {@link Instrumenter}, defined in a private class loader,
 * exercised through reflection, then their execution data is analyzed with {@link Analyzer} and
 * written as {@code jacoco.xml} by {@link XMLFormatter} — the numbers the gate must reproduce.
 */
final class JacocoRun {
  /** A finished measurement: the XML report and JaCoCo's own model of it. */
  record Measured(byte[] xml, IBundleCoverage bundle) {
    /** JaCoCo's counter for a package (dotted name) and counter. */
    ICounter counter(String dottedPackage, Counter counter) {
      for (IPackageCoverage pkg : bundle.getPackages()) {
        if (pkg.getName().replace('/', '.').equals(dottedPackage)) {
          return pkg.getCounter(ICoverageNode.CounterEntity.valueOf(counter.name()));
        }
      }
      throw new IllegalArgumentException("JaCoCo measured no package " + dottedPackage);
    }

    /** JaCoCo's figures as a gate tally. */
    Tally tally(String dottedPackage, Counter counter) {
      ICounter c = counter(dottedPackage, counter);
      return new Tally(c.getCoveredCount(), c.getTotalCount());
    }
  }

  private final Map<String, byte[]> originals = new LinkedHashMap<>();
  private final IRuntime runtime = new LoggerRuntime();
  private final RuntimeData data = new RuntimeData();
  private final Loader loader = new Loader();

  private JacocoRun(String... classNames) {
    Instrumenter instrumenter = new Instrumenter(runtime);
    try {
      runtime.startup(data);
      for (String name : classNames) {
        byte[] original = bytesOf(name);
        originals.put(name, original);
        loader.instrumented.put(name, instrumenter.instrument(original, name));
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot instrument " + Arrays.toString(classNames), e);
    }
  }

  /** Instruments the named classes (binary names) for one measurement. */
  static JacocoRun of(String... classNames) {
    return new JacocoRun(classNames);
  }

  /** Calls the static method {@code method} of the instrumented {@code className}. */
  Object call(String className, String method, Object... args) {
    try {
      Class<?> type = loader.loadClass(className);
      for (Method candidate : type.getMethods()) {
        if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
          return candidate.invoke(null, args);
        }
      }
      throw new IllegalArgumentException(className + " has no method " + method + "/" + args.length);
    } catch (ClassNotFoundException | IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Collects the execution data, analyzes the original classes and writes the XML report. */
  Measured finish(String bundleName) {
    return finish(bundleName, null);
  }

  /**
   * Like {@link #finish(String)}, but as {@code report-aggregate} writes it: the report is named
   * {@code aggregateName} and the bundle becomes a {@code <group>} inside it.
   */
  Measured finish(String bundleName, String aggregateName) {
    ExecutionDataStore executions = new ExecutionDataStore();
    SessionInfoStore sessions = new SessionInfoStore();
    data.collect(executions, sessions, false);
    runtime.shutdown();
    CoverageBuilder builder = new CoverageBuilder();
    Analyzer analyzer = new Analyzer(executions, builder);
    try {
      for (Map.Entry<String, byte[]> entry : originals.entrySet()) {
        analyzer.analyzeClass(entry.getValue(), entry.getKey());
      }
      IBundleCoverage bundle = builder.getBundle(bundleName);
      ByteArrayOutputStream xml = new ByteArrayOutputStream();
      IReportVisitor visitor = new XMLFormatter().createVisitor(xml);
      visitor.visitInfo(sessions.getInfos(), executions.getContents());
      // XMLFormatter names the <report> after the first bundle or group visited at the top.
      IReportGroupVisitor target = aggregateName == null ? visitor : visitor.visitGroup(aggregateName);
      target.visitBundle(bundle, NO_SOURCES);
      visitor.visitEnd();
      return new Measured(xml.toByteArray(), bundle);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final ISourceFileLocator NO_SOURCES = new ISourceFileLocator() {
    @Override
    public Reader getSourceFile(String packageName, String fileName) {
      return null;
    }

    @Override
    public int getTabWidth() {
      return 4;
    }
  };

  private static byte[] bytesOf(String className) throws IOException {
    String resource = "/" + className.replace('.', '/') + ".class";
    try (InputStream in = JacocoRun.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no class file " + resource);
      }
      return in.readAllBytes();
    }
  }

  /** Defines the instrumented classes itself (no code source, so the build's own JaCoCo agent leaves them alone). */
  private static final class Loader extends ClassLoader {
    final Map<String, byte[]> instrumented = new LinkedHashMap<>();

    Loader() {
      super(JacocoRun.class.getClassLoader());
    }

    @Override
    protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      byte[] bytes = instrumented.get(name);
      if (bytes == null) {
        return super.loadClass(name, resolve);
      }
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }
}

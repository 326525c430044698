package dev.tollgate.coverage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and validates {@code coverage-rules.xml}.
 *
 * <p>Three passes, each reporting {@code file:line:column: message} for every problem it finds:
 * the bundled {@code coverage-rules.xsd} (structure, counters, 0..1 minimums, uniqueness); a
 * reading pass that builds the rules and words the common mistakes plainly (a minimum outside
 * 0..1, an unknown counter), replacing the schema's messages for the same line; and the
 * ambiguity check (two equally specific rules that could match one package). Any problem is a
 * {@link GateException} listing them all.
 */
final class RulesLoader {
  private static final String SCHEMA = "/coverage-rules.xsd";

  private RulesLoader() {}

  /** Loads the rules file at {@code path}; messages name it as given. */
  static Rules load(Path path) {
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new GateException("rules file not found: " + path);
    } catch (IOException e) {
      throw new GateException("cannot read rules file " + path + ": " + e.getMessage(), e);
    }
    return load(path.toString(), content);
  }

  /** Loads rules from {@code content}; {@code name} is the file name used in messages. */
  static Rules load(String name, byte[] content) {
    List<Problem> schemaProblems = validate(name, content);
    if (schemaProblems.stream().anyMatch(Problem::fatal)) {
      throw failure(name, schemaProblems.stream().filter(Problem::fatal).limit(1).toList());
    }
    Reading reading = read(name, content);
    Set<Integer> explained = new HashSet<>();
    reading.problems.forEach(p -> explained.add(p.line()));
    List<Problem> problems = new ArrayList<>(reading.problems);
    schemaProblems.stream().filter(p -> !explained.contains(p.line())).forEach(problems::add);
    if (problems.isEmpty()) {
      reading.scopes.values().forEach(set -> problems.addAll(ambiguities(set)));
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
      throw failure(name, problems);
    }
    return new Rules(name, reading.scopes);
  }

  private static GateException failure(String name, List<Problem> problems) {
    StringBuilder message = new StringBuilder("the rules file ").append(name).append(" is not valid (")
        .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
    for (Problem problem : problems) {
      message.append('\n').append(name).append(':').append(problem.line()).append(':')
          .append(problem.column()).append(": ").append(problem.message());
    }
    return new GateException(message.toString());
  }

  // --- pass 1: the schema -------------------------------------------------------------------

  private static List<Problem> validate(String name, byte[] content) {
    List<Problem> problems = new ArrayList<>();
    try {
      Validator validator = schema().newValidator();
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
          problems.add(Problem.of(e, false));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
          problems.add(Problem.of(e, true));
          throw e;
        }
      });
      validator.validate(new StreamSource(new ByteArrayInputStream(content), name));
    } catch (SAXParseException e) {
      if (problems.isEmpty()) {
        problems.add(Problem.of(e, true));
      }
    } catch (SAXException | IOException e) {
      problems.add(new Problem(1, 1, "cannot be read as XML: " + e.getMessage(), true));
    }
    return problems;
  }

  private static Schema schema() throws SAXException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try (InputStream xsd = RulesLoader.class.getResourceAsStream(SCHEMA)) {
      if (xsd == null) {
        throw new IllegalStateException(SCHEMA + " is missing from the tool's jar");
      }
      return factory.newSchema(new StreamSource(xsd, "coverage-rules.xsd"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled " + SCHEMA, e);
    }
  }

  // --- pass 2: reading the rules ------------------------------------------------------------

  private static final class Reading {
    final Map<String, RuleSet> scopes = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();
  }

  private static Reading read(String name, byte[] content) {
    Reading reading = new Reading();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    Map<String, Integer> scopeLines = new HashMap<>();
    String scope = null;
    List<Rule> rules = new ArrayList<>();
    Map<String, Integer> ruleLines = new HashMap<>();
    PackagePattern pattern = null;
    int ruleLine = 0;
    List<Limit> limits = new ArrayList<>();
    Map<Counter, Integer> limitLines = new HashMap<>();
    try {
      XMLStreamReader xml = factory.createXMLStreamReader(name, new ByteArrayInputStream(content));
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          Location at = xml.getLocation();
          switch (xml.getLocalName()) {
            case "scope" -> {
              scope = attribute(xml, "name");
              rules = new ArrayList<>();
              ruleLines.clear();
              Integer first = scope == null ? null : scopeLines.putIfAbsent(scope, at.getLineNumber());
              if (first != null) {
                reading.problems.add(Problem.at(at, "scope '" + scope + "' is defined twice (first on line " + first + ")"));
              }
            }
            case "rule" -> {
              String text = attribute(xml, "package");
              if (text != null && !text.matches("[\\p{L}\\p{N}_$.*?]+")) {
                reading.problems.add(Problem.at(at, "package=\"" + text + "\" is not a dotted package name or pattern"
                    + " (letters, digits, '_', '$', '.', and the wildcards '*' and '?'; e.g. dev.tollgate.payments.*)"));
              }
              pattern = text == null ? null : new PackagePattern(text);
              ruleLine = at.getLineNumber();
              limits = new ArrayList<>();
              limitLines.clear();
              Integer first = text == null ? null : ruleLines.putIfAbsent(text, ruleLine);
              if (first != null) {
                reading.problems.add(Problem.at(at,
                    "rule package=\"" + text + "\" appears twice in scope " + scope + " (first on line " + first + ")"));
              }
            }
            case "limit" -> {
              Limit limit = limit(xml, at, pattern, reading.problems);
              if (limit != null) {
                Integer first = limitLines.putIfAbsent(limit.counter(), limit.line());
                if (first != null) {
                  reading.problems.add(Problem.at(at, limit.counter() + " is limited twice in rule package=\""
                      + pattern + "\" (first on line " + first + ")"));
                }
                limits.add(limit);
              }
            }
            default -> { }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          switch (xml.getLocalName()) {
            case "rule" -> {
              if (pattern != null && !limits.isEmpty()) {
                rules.add(new Rule(pattern, ruleLine, limits));
              }
            }
            case "scope" -> {
              if (scope != null && !reading.scopes.containsKey(scope)) {
                reading.scopes.put(scope, new RuleSet(name, scope, rules));
              }
            }
            default -> { }
          }
        }
      }
    } catch (XMLStreamException e) {
      // Pass 1 already reported any well-formedness problem; this is a second opinion only.
      reading.problems.add(Problem.at(e.getLocation(), "cannot be read as XML: " + e.getMessage()));
    }
    return reading;
  }

  private static Limit limit(XMLStreamReader xml, Location at, PackagePattern pattern, List<Problem> problems) {
    String where = pattern == null ? "" : " in rule package=\"" + pattern + "\"";
    String counterName = attribute(xml, "counter");
    String minimumText = attribute(xml, "minimum");
    String value = attribute(xml, "value");
    boolean ok = true;
    Counter counter = counterName == null ? null : Counter.named(counterName);
    if (counterName != null && counter == null) {
      problems.add(Problem.at(at, "unknown counter '" + counterName + "'" + where + " (expected one of "
          + String.join(", ", Arrays.stream(Counter.values()).map(Enum::name).toList()) + ")"));
      ok = false;
    }
    if (value != null && !value.equals("COVEREDRATIO")) {
      problems.add(Problem.at(at, "value '" + value + "'" + where + " is not supported (only COVEREDRATIO)"));
      ok = false;
    }
    BigDecimal minimum = null;
    if (minimumText != null) {
      String label = counter == null ? "" : " for " + counter;
      try {
        minimum = new BigDecimal(minimumText.trim());
        if (minimum.signum() < 0 || minimum.compareTo(BigDecimal.ONE) > 0) {
          problems.add(Problem.at(at, "minimum " + minimumText + label + where
              + " is outside 0..1 (it is a covered ratio: 0.95 means 95%)"));
          ok = false;
        }
      } catch (NumberFormatException e) {
        problems.add(Problem.at(at, "minimum '" + minimumText + "'" + label + where
            + " is not a number (a covered ratio in 0..1: 0.95 means 95%)"));
        ok = false;
      }
    }
    return ok && counter != null && minimum != null ? new Limit(counter, minimum, at.getLineNumber()) : null;
  }

  private static String attribute(XMLStreamReader xml, String name) {
    return xml.getAttributeValue(null, name);
  }

  // --- pass 3: ambiguity --------------------------------------------------------------------

  /** Pairs of equally specific rules that could both match one package: the file decides nothing for it. */
  static List<Problem> ambiguities(RuleSet set) {
    List<Problem> problems = new ArrayList<>();
    List<Rule> rules = set.rules();
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        Rule first = rules.get(i);
        Rule second = rules.get(j);
        if (PackagePattern.SPECIFICITY.compare(first.pattern(), second.pattern()) != 0) {
          continue;
        }
        first.pattern().commonMatch(second.pattern()).ifPresent(example -> problems.add(new Problem(second.line(), 1,
            "rule package=\"" + second.pattern() + "\" and rule package=\"" + first.pattern() + "\" on line "
                + first.line() + " (scope " + set.scope() + ") are equally specific ("
                + first.pattern().literalCount() + " literal characters each) and both match a package such as '"
                + example + "'; make one of them more specific", false)));
      }
    }
    return problems;
  }

  /** One problem in the rules file; {@code fatal} when the file is not even well-formed XML. */
  record Problem(int line, int column, String message, boolean fatal) {
    static Problem of(SAXParseException e, boolean fatal) {
      String message = e.getMessage() == null ? "invalid" : e.getMessage().replaceFirst("^cvc-[\\w.\\-]+: ", "");
      return new Problem(Math.max(e.getLineNumber(), 1), Math.max(e.getColumnNumber(), 1),
          fatal ? "not well-formed XML: " + message : message, fatal);
    }

    static Problem at(Location location, String message) {
      int line = location == null ? 1 : Math.max(location.getLineNumber(), 1);
      int column = location == null ? 1 : Math.max(location.getColumnNumber(), 1);
      return new Problem(line, column, message, false);
    }
  }
}

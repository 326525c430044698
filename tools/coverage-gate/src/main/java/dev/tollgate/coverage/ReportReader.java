package dev.tollgate.coverage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a JaCoCo XML report ({@code jacoco.xml}, as written by {@code jacoco:report},
 * {@code report-aggregate} or the JaCoCo API's {@code XMLFormatter}): {@code report}, then
 * nested {@code group}s, then {@code package}s whose direct {@code <counter type missed covered>}
 * children are the package totals. Class, method and source-file counters are ignored (the
 * package totals already include them).
 *
 * <p>Reports carry {@code <!DOCTYPE report … "report.dtd">}; DTD processing is switched off so the
 * DTD is never looked for (it is not next to the report) and no external entity is ever read.
 */
final class ReportReader {
  private ReportReader() {}

  /** Reads the report at {@code path}; a missing or unreadable file is bad input naming the path. */
  static CoverageReport read(Path path) {
    if (Files.isDirectory(path)) {
      throw new GateException("report " + path + " is a directory, not a JaCoCo XML file");
    }
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new GateException("report not found: " + path);
    } catch (AccessDeniedException e) {
      throw new GateException("report " + path + " cannot be read: permission denied");
    } catch (IOException e) {
      throw new GateException("report " + path + " cannot be read: " + e.getMessage(), e);
    }
    return read(path.toString(), new ByteArrayInputStream(content));
  }

  /** Reads a report from {@code in}; {@code name} is the file name used in messages. */
  static CoverageReport read(String name, InputStream in) {
    CoverageReport report = new CoverageReport();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    Deque<String> open = new ArrayDeque<>();
    String packageName = null;
    try {
      XMLStreamReader xml = factory.createXMLStreamReader(name, in);
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String element = xml.getLocalName();
          String parent = open.peek();
          if (parent == null && !element.equals("report")) {
            throw new GateException(name + " is not a JaCoCo XML report: its root element is <" + element
                + ">, expected <report>");
          }
          if (element.equals("package") && ("report".equals(parent) || "group".equals(parent))) {
            String slashed = required(xml, name, "name");
            packageName = slashed.replace('/', '.');
            report.touch(packageName);
          } else if (element.equals("class") && "package".equals(parent)) {
            report.measuredClass(required(xml, name, "name"));
          } else if (element.equals("counter") && "package".equals(parent)) {
            Counter counter = Counter.named(required(xml, name, "type"));
            long missed = count(xml, name, "missed");
            long covered = count(xml, name, "covered");
            if (counter != null) { // a counter type JaCoCo may add later is not ours to judge
              report.add(packageName, counter, new Tally(covered, Math.addExact(missed, covered)));
            }
          }
          open.push(element);
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          open.pop();
        }
      }
    } catch (XMLStreamException e) {
      throw new GateException(where(name, e.getLocation()) + ": not a JaCoCo XML report (not well-formed XML: "
          + plain(e) + ")", e);
    } catch (ArithmeticException e) {
      throw new GateException(name + ": counters too large to add up", e);
    }
    return report;
  }

  private static String required(XMLStreamReader xml, String name, String attribute) {
    String value = xml.getAttributeValue(null, attribute);
    if (value == null) {
      throw new GateException(where(name, xml.getLocation()) + ": not a JaCoCo XML report: <" + xml.getLocalName()
          + "> has no " + attribute + " attribute");
    }
    return value;
  }

  private static long count(XMLStreamReader xml, String name, String attribute) {
    String value = required(xml, name, attribute);
    try {
      long count = Long.parseLong(value);
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new GateException(where(name, xml.getLocation()) + ": not a JaCoCo XML report: " + attribute + "=\""
        + value + "\" is not a count");
  }

  private static String where(String name, Location location) {
    if (location == null || location.getLineNumber() < 1) {
      return name;
    }
    return name + ":" + location.getLineNumber() + ":" + Math.max(location.getColumnNumber(), 1);
  }

  /** The JDK's StAX prefixes "ParseError at [row,col]:[1,1] Message: "; keep only the message. */
  private static String plain(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf("Message: ");
    return (at >= 0 ? message.substring(at + "Message: ".length()) : message).trim();
  }
}

"""junit_reports: the JUnit XML reports Surefire and Failsafe write, counted and listed for pipeline_tool.py.

junit-summary, junit-counts and junit-failures read DIR/TEST-*.xml as Surefire's report schema
(surefire-test-report.xsd) describes them. Python 3 standard library only.
"""
import glob
import xml.etree.ElementTree as ET

from tool_input import InputError


def junit_files(pattern):
    """The files `pattern` (a glob) matches, in glob's order (the directory's, as the bash had it).

    Callers escape the directory (glob.escape): a DIR is a path, not a pattern. Before the split
    it was not escaped, which only differed for a directory whose name holds *, ? or [.
    """
    return glob.glob(pattern, recursive=True)


def junit_root(path):
    """The root element of the JUnit XML report at `path`; InputError naming it when unreadable."""
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as e:
        raise InputError(f"{path}: not well-formed XML: {e}") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e


def count(path, element, attribute):
    """`element`'s integer `attribute` (0 when absent); InputError naming `path` when it is not one."""
    value = element.get(attribute, 0)
    try:
        return int(value)
    except ValueError as e:
        raise InputError(f"{path}: <{element.tag}> {attribute}=\"{value}\" is not a whole number") from e


def junit_summary(dirs):
    """junit-summary DIR...: the closing line of a test run, summed over JUnit XML reports.

    Input: directories (module target/ directories; ones that do not exist count nothing). Every
    TEST-*.xml under each, at any depth (glob DIR/**/TEST-*.xml, recursive; hidden directories
    are not searched), and in each file every <testsuite> element, the root included (Surefire
    and Failsafe write one <testsuite> per file; pytest's --junitxml a <testsuites> around one).
    Output: `P passed, F failed, S skipped`, where F = failures + errors and P = tests - F - S,
    summed over the testsuites' attributes (a missing attribute counts 0).
    Errors: a report that is not well-formed XML, or whose counts are not whole numbers:
    InputError (exit 2) naming it.
    Source: the attributes tests, failures, errors and skipped of <testsuite>, as Surefire's
    report schema (surefire-test-report.xsd, maven.apache.org/surefire) defines them.
    """
    total = failed = skipped = 0
    for d in dirs:
        for path in junit_files(glob.escape(d) + "/**/TEST-*.xml"):
            for suite in junit_root(path).iter("testsuite"):
                total += count(path, suite, "tests")
                skipped += count(path, suite, "skipped")
                failed += count(path, suite, "failures") + count(path, suite, "errors")
    print(f"{total - failed - skipped} passed, {failed} failed, {skipped} skipped")
    return 0


def junit_counts(directory):
    """junit-counts DIR: how many tests one suite's reports hold and how many failed.

    Input: a directory of Surefire/Failsafe reports (a suite's failsafe-reports, the run's
    junit/verify); only DIR/TEST-*.xml, not subdirectories; a missing directory counts nothing.
    Output: `T tests, F failed`: the sums of each file's root element's tests, and failures +
    errors (a missing attribute counts 0). Only the root element counts, as before the split: a
    file whose root is a bare <testsuites> without these attributes counts 0.
    Errors: a report that is not well-formed XML, or whose counts are not whole numbers:
    InputError (exit 2) naming it.
    Source: Surefire's report schema (surefire-test-report.xsd): <testsuite tests failures errors>.
    """
    tests = failed = 0
    for path in junit_files(glob.escape(directory) + "/TEST-*.xml"):
        root = junit_root(path)
        tests += count(path, root, "tests")
        failed += count(path, root, "failures") + count(path, root, "errors")
    print(f"{tests} tests, {failed} failed")
    return 0


def junit_failures(directory):
    """junit-failures DIR: one line per failed or errored test of DIR/TEST-*.xml.

    Input: a directory of Surefire/Failsafe reports (only DIR/TEST-*.xml; missing: no lines).
    Output: for every <testcase> with a <failure> (or else an <error>) child, files in glob's
    order and testcases in document order: `CLASSNAME.NAME: MESSAGE`, MESSAGE being the first
    line of the failure's message attribute cut to 160 characters, or its type attribute when
    it has no message (a NullPointerException's error often has none). As before the split, an
    absent attribute prints as "None", and a message that starts with a newline (AssertJ's
    "\nexpected: ... but was: ...") prints an empty first line. Skipped and passing tests print
    nothing.
    Errors: a report that is not well-formed XML: InputError (exit 2) naming it.
    Source: Surefire's report schema (surefire-test-report.xsd): <testcase name classname> with
    <failure message type> (an assertion failed) or <error message type> (an exception).
    """
    for path in junit_files(glob.escape(directory) + "/TEST-*.xml"):
        for case in junit_root(path).iter("testcase"):
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if problem is None:
                continue
            message = problem.get("message")
            text = message.splitlines()[0][:160] if message else problem.get("type")
            print(f"{case.get('classname')}.{case.get('name')}: {text}")
    return 0

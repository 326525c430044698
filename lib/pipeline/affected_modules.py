#!/usr/bin/env python3
"""affected_modules: which Maven modules a change touches, and every module that depends on them.

    affected_modules.py ROOT [--inputs pipeline.json] < changed-paths

reads the changed paths (relative to ROOT, one per line) on stdin and prints the affected
modules' directories (relative to ROOT, one per line, in the aggregator pom's order). A path
belongs to the module whose directory holds it (the deepest one); pipeline.json's
`module_inputs` names what modules read from outside their own directory (migrations/payments is
an input of services/payments' tests); `build_inputs` (the root pom, .mvn, mvnw) touch every
module. Paths of no module (deploy/, scenarios/, docs) touch none. Dependents are found from
each module's pom: a <dependency> on another module's artifactId (groupId dev.tollgate, any
scope, test scope included) makes it a dependent.

Exit status: 0, and the modules (possibly none); 2 with a message naming the file when a pom or
pipeline.json cannot be read.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

POM = "{http://maven.apache.org/POM/4.0.0}"


def fail(message):
    """Print `message` to stderr and exit 2."""
    print(message, file=sys.stderr)
    sys.exit(2)


def read_pom(path):
    """The parsed pom at `path` (an ElementTree root); raises SystemExit(2) naming it when unreadable."""
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        fail(f"affected_modules: cannot read {path}: {e}")


def modules(root):
    """{module dir: (artifactId, {artifactIds it depends on})} for the aggregator pom's modules, in order."""
    found = {}
    for element in read_pom(os.path.join(root, "pom.xml")).iter(POM + "module"):
        pom = read_pom(os.path.join(root, element.text, "pom.xml"))
        artifact = pom.findtext(POM + "artifactId")
        deps = {d.findtext(POM + "artifactId") for d in pom.iter(POM + "dependency")
                if d.findtext(POM + "groupId") in ("dev.tollgate", "${project.groupId}")}
        found[element.text] = (artifact, deps)
    return found


def owner(path, dirs, inputs):
    """The module dirs a changed path belongs to: its own module, or those `inputs` names for it."""
    for prefix, names in inputs.items():
        if path == prefix or path.startswith(prefix.rstrip("/") + "/"):
            return set(names)
    inside = [d for d in dirs if path.startswith(d + "/")]
    return {max(inside, key=len)} if inside else set()


def affected(root, paths, config):
    """The affected module dirs, in the aggregator's order: owners of `paths`, then their dependents."""
    found = modules(root)
    every = set(found)
    touched = set()
    for path in paths:
        if any(path == b or path.startswith(b + "/") for b in config.get("build_inputs", [])):
            touched = every
            break
        touched |= owner(path, every, config.get("module_inputs", {}))
    by_artifact = {artifact: d for d, (artifact, _) in found.items()}
    grew = True
    while grew:
        grew = False
        for d, (_, deps) in found.items():
            if d not in touched and any(by_artifact.get(a) in touched for a in deps):
                touched.add(d)
                grew = True
    return [d for d in found if d in touched]


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--inputs"):
        fail("usage: affected_modules.py ROOT [--inputs pipeline.json] < changed-paths")
    root = argv[1]
    config_path = argv[3] if len(argv) == 4 else os.path.join(root, "pipeline.json")
    try:
        with open(config_path) as f:
            config = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"affected_modules: cannot read {config_path}: {e}")
    paths = [line.strip() for line in sys.stdin if line.strip()]
    for d in affected(root, paths, config):
        print(d)


if __name__ == "__main__":
    main(sys.argv)

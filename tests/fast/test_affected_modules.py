"""lib/pipeline/affected_modules.py: which modules a change touches, and their dependents,
read from the real aggregator pom and module poms of this repository (and a broken copy)."""
import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOOL = ROOT / "lib" / "pipeline" / "affected_modules.py"


def affected(*paths, root=ROOT):
    done = subprocess.run([sys.executable, str(TOOL), str(root)], input="\n".join(paths) + "\n",
                          capture_output=True, text=True)
    return done.returncode, done.stdout.split(), done.stderr


def test_a_change_to_fraud_touches_fraud_and_its_dependents_in_reactor_order():
    status, modules, _ = affected("services/fraud/src/main/java/dev/tollgate/fraud/Check.java")
    assert status == 0
    assert modules == ["services/fraud", "services/stack", "acceptance", "coverage-report"]


def test_a_migration_is_an_input_of_its_services_tests():
    _, modules, _ = affected("migrations/vault/V9__x.sql")
    assert modules[0] == "services/vault"
    assert "services/payments" not in modules


def test_the_root_pom_touches_every_module_and_deploy_files_touch_none():
    _, every, _ = affected("pom.xml")
    assert len(every) == (ROOT / "pom.xml").read_text().count("<module>")
    _, none, _ = affected("deploy/roles/rollout/tasks/main.yml", "scenarios/1-coverage-drop/README.md")
    assert none == []


def test_a_common_module_change_reaches_every_service_that_uses_it():
    _, modules, _ = affected("services/common/src/main/java/X.java")
    for service in ("services/fraud", "services/vault", "services/payments", "verification"):
        assert service in modules


def test_an_unreadable_pom_fails_naming_it(tmp_path):
    shutil.copy(ROOT / "pom.xml", tmp_path / "pom.xml")
    shutil.copy(ROOT / "pipeline.json", tmp_path / "pipeline.json")
    status, _, err = affected("x", root=tmp_path)
    assert status == 2
    assert "cannot read " + str(tmp_path / "services/common/pom.xml") in err

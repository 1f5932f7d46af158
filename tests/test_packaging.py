"""The lock files in requirements/ and what the Makefile and Dockerfile install from them.

Checked offline: the locks must pin (with hashes) every dependency pyproject.toml declares, at a
version its specifier allows, and agree with each other; `make run` installs only the runtime lock,
`make test` / `make lint` add the development lock; the Dockerfile builds from the locks."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

REQUIREMENTS = ROOT / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)")


def pins(lock: Path) -> dict[str, str]:
    """name → version of every requirement in a lock file; each must carry at least one hash."""
    found: dict[str, str] = {}
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text("utf-8"))
    for entry in entries:
        match = PIN.match(entry)
        if match is None:
            continue
        assert "--hash=sha256:" in entry, f"{lock.name}: {match.group(1)} has no hash"
        found[canonicalize_name(match.group(1))] = match.group(2)
    return found


def declared() -> tuple[list[Requirement], list[Requirement]]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        project = tomllib.load(fh)["project"]
    runtime = [Requirement(text) for text in project["dependencies"]]
    dev = [Requirement(text) for text in project["optional-dependencies"]["dev"]]
    return runtime, dev


def assert_pinned(requirements: list[Requirement], locked: dict[str, str], lock: str) -> None:
    for req in requirements:
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is declared in pyproject.toml but not pinned in {lock}: run `make lock`"
        assert req.specifier.contains(locked[name], prereleases=True), (
            f"{lock} pins {req.name}=={locked[name]}, outside pyproject.toml's {req.specifier}: run `make lock`"
        )


def test_run_lock_pins_every_runtime_dependency_with_hashes() -> None:
    runtime, dev = declared()
    locked = pins(REQUIREMENTS / "run.lock")
    assert_pinned(runtime, locked, "run.lock")
    for req in dev:  # the bot's own lock holds no development tool
        assert canonicalize_name(req.name) not in locked, f"run.lock pins the development tool {req.name}"


def test_dev_lock_pins_the_tools_and_the_same_runtime_versions() -> None:
    runtime, dev = declared()
    run, development = pins(REQUIREMENTS / "run.lock"), pins(REQUIREMENTS / "dev.lock")
    assert_pinned(runtime + dev, development, "dev.lock")
    differ = {name: (v, development[name]) for name, v in run.items() if development.get(name, v) != v}
    assert not differ, f"run.lock and dev.lock disagree: {differ}"


def test_build_lock_pins_pip_setuptools_and_wheel() -> None:
    locked = pins(REQUIREMENTS / "build.lock")
    assert {"pip", "setuptools", "wheel"} <= set(locked)
    with (ROOT / "pyproject.toml").open("rb") as fh:
        build_requires = [Requirement(text) for text in tomllib.load(fh)["build-system"]["requires"]]
    assert_pinned(build_requires, locked, "build.lock")


def make_dry_run(target: str, tmp_path: Path) -> str:
    """The commands `make TARGET` would run in a fresh clone (`make -n`, nothing executed)."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    venv = tmp_path / "venv"
    result = subprocess.run(
        [make, "-n", "-C", str(ROOT), f"VENV={venv}", target], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_run_installs_only_the_runtime_lock(tmp_path: Path) -> None:
    commands = make_dry_run("run", tmp_path)
    assert "--require-hashes -r requirements/run.lock" in commands
    assert "dev.lock" not in commands
    assert "[dev]" not in commands
    assert "-m pytest" not in commands


def test_make_test_adds_the_development_lock(tmp_path: Path) -> None:
    commands = make_dry_run("test", tmp_path)
    assert "--require-hashes -r requirements/run.lock" in commands
    assert "--require-hashes -r requirements/dev.lock" in commands


def test_dockerfile_installs_from_the_locks_with_pinned_pip() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    assert "--require-hashes -r requirements/build.lock" in dockerfile
    assert "--require-hashes --no-deps --wheel-dir /wheels/deps -r requirements/run.lock" in dockerfile
    assert "--upgrade pip" not in dockerfile  # pip comes from build.lock
    assert "\nHEALTHCHECK " in dockerfile


def test_dockerignore_leaves_out_what_the_tests_write() -> None:
    ignored = (ROOT / ".dockerignore").read_text("utf-8").split()
    assert "test-artifacts" in ignored
    assert "tests" in ignored


def test_compose_refuses_to_start_without_a_database_password_rather_than_guess_one() -> None:
    compose = (ROOT / "docker-compose.yml").read_text("utf-8")
    uses = re.findall(r"\$\{POSTGRES_PASSWORD([^}]*)\}", compose)
    assert len(uses) >= 2
    assert all(use.startswith(":?") for use in uses), uses

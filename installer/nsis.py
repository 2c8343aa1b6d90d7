"""The Windows installer: compile ``installer/windows/kumppani.nsi`` with NSIS' ``makensis``.

    python installer/nsis.py --check                              compile against a dummy payload
    python installer/nsis.py --payload dist/kumppani --out dist   the real setup .exe

The payload is PyInstaller's one-folder output (``kumppani.exe`` plus its files). makensis runs on
Windows (the release build) and on Linux (Debian's ``nsis`` package: the check and the tests), so
the script is compiled and checked on every platform even though only Windows can run the result.
Only the standard library is used.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
NSI = Path(__file__).resolve().parent / "windows" / "kumppani.nsi"
APP_NAME = "Kumppani"
DEBIAN_PACKAGE = "nsis"

# Where the NSIS Windows installer (and Chocolatey's ``nsis`` package) puts makensis; it is often
# not on PATH.
_WINDOWS_CANDIDATES = (
    ("ProgramFiles(x86)", "NSIS"),
    ("ProgramFiles", "NSIS"),
    ("ProgramW6432", "NSIS"),
)


def project_metadata(pyproject: Path = PYPROJECT) -> dict:
    """name, version, description, authors, urls (and the derived publisher and homepage)."""
    with pyproject.open("rb") as handle:
        project = tomllib.load(handle).get("project", {})
    name = project.get("name")
    version = project.get("version")
    if not name or not version:
        raise RuntimeError(f"{pyproject}: [project] needs a static name and version")
    authors = [
        author.get("name") or author.get("email", "")
        for author in project.get("authors", [])
        if author.get("name") or author.get("email")
    ]
    urls = dict(project.get("urls", {}))
    homepage = ""
    for key in ("Homepage", "homepage", "Home", "Documentation", "Repository", "Source"):
        if urls.get(key):
            homepage = urls[key]
            break
    return {
        "name": name,
        "version": str(version),
        "description": project.get("description", ""),
        "authors": authors,
        "urls": urls,
        "publisher": ", ".join(authors) or APP_NAME,
        "homepage": homepage,
    }


def windows_version(version: str) -> str:
    """The X.X.X.X form Windows' version resource needs: 0.1.0rc1 -> 0.1.0.0."""
    match = re.match(r"\d+(?:\.\d+)*", version)
    parts = [min(int(part), 65535) for part in match.group(0).split(".")] if match else []
    parts = (parts + [0, 0, 0, 0])[:4]
    return ".".join(str(part) for part in parts)


def installer_name(version: str) -> str:
    return f"{APP_NAME}-{version}-setup.exe"


def _nsis_text(value: str) -> str:
    """A value safe inside the script's double-quoted strings ($ is NSIS' escape character)."""
    return " ".join(value.replace("$", "$$").replace('"', "'").split())


def _find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    if os.name == "nt":
        for variable, folder in _WINDOWS_CANDIDATES:
            base = os.environ.get(variable)
            if base and (candidate := Path(base) / folder / "makensis.exe").is_file():
                return str(candidate)
    return None


def _is_debian() -> bool:
    return Path("/etc/debian_version").is_file() and shutil.which("apt-get") is not None


def ensure_makensis() -> str:
    """makensis' path; as root on Debian, install the ``nsis`` package when it is missing."""
    found = _find_makensis()
    if found:
        return found
    if os.name == "posix" and os.geteuid() == 0 and _is_debian():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", DEBIAN_PACKAGE]
        result = subprocess.run(install, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            # Usually stale or missing package lists: refresh them once and try again.
            subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, text=True)
            result = subprocess.run(install, env=env, capture_output=True, text=True)
        found = _find_makensis()
        if found:
            return found
        raise RuntimeError(
            f"makensis not found and 'apt-get install {DEBIAN_PACKAGE}' failed "
            f"(exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    raise RuntimeError(
        "makensis (NSIS 3) not found: install the 'nsis' package "
        "(Debian/Ubuntu: apt-get install nsis; Windows: choco install nsis, "
        "or NSIS from https://nsis.sourceforge.io)"
    )


def makensis_version(makensis: str) -> str:
    result = subprocess.run([makensis, "-VERSION"], capture_output=True, text=True)
    return (result.stdout or result.stderr).strip()


def defines(payload: Path, out_file: Path, metadata: dict) -> dict[str, str]:
    return {
        "VERSION": _nsis_text(metadata["version"]),
        "VIVERSION": windows_version(metadata["version"]),
        "PAYLOAD": str(payload),
        "OUTFILE": str(out_file),
        "PUBLISHER": _nsis_text(metadata["publisher"]),
        "DESCRIPTION": _nsis_text(metadata["description"]),
        "HOMEPAGE": _nsis_text(metadata["homepage"]),
    }


def compile_installer(
    payload: Path,
    out_dir: Path,
    makensis: str = "makensis",
    *,
    nsi: Path = NSI,
    pyproject: Path = PYPROJECT,
) -> Path:
    """Compile the setup .exe for ``payload`` into ``out_dir``; return its path.

    makensis runs with ``-WX``: a warning (e.g. a string missing in one of the three languages)
    fails the build. Raises RuntimeError with makensis' output when it fails.
    """
    payload = Path(payload).resolve()
    out_dir = Path(out_dir).resolve()
    if not (payload / "kumppani.exe").is_file():
        raise RuntimeError(f"{payload} has no kumppani.exe: build the PyInstaller payload first")
    out_dir.mkdir(parents=True, exist_ok=True)
    metadata = project_metadata(pyproject)
    out_file = out_dir / installer_name(metadata["version"])
    out_file.unlink(missing_ok=True)
    command = [makensis, "-V2", "-WX", "-INPUTCHARSET", "UTF8"]
    # Windows' makensis takes /DNAME=value; both builds accept the dash form too.
    command += [f"-D{key}={value}" for key, value in defines(payload, out_file, metadata).items()]
    command.append(str(nsi))
    try:
        # makensis changes into the script's folder itself; every path given to it is absolute.
        result = subprocess.run(command, capture_output=True, text=True, cwd=nsi.parent,
                                encoding="utf-8", errors="replace")
    except OSError as error:
        raise RuntimeError(f"cannot run {makensis}: {error}") from error
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or not out_file.is_file():
        raise RuntimeError(
            f"makensis failed (exit {result.returncode}): {' '.join(command)}\n{output}"
        )
    return out_file


def make_dummy_payload(folder: Path, *, random_bytes: int = 256 * 1024) -> Path:
    """A stand-in for PyInstaller's output: a fake kumppani.exe and a few files.

    ``random_bytes`` of incompressible data make "the installer is bigger than the payload" a
    real check that the payload went in.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kumppani.exe").write_bytes(b"MZ" + b"\0" * 1022)
    internal = folder / "_internal"
    (internal / "desktop" / "_data" / "i18n").mkdir(parents=True, exist_ok=True)
    (internal / "python311.dll").write_bytes(os.urandom(random_bytes))
    (internal / "base_library.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (internal / "desktop" / "_data" / "i18n" / "README.txt").write_text(
        "Kumppani – ääkköset ja svenska å\n", encoding="utf-8"
    )
    return folder


def payload_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


CHECK_DIR = Path(tempfile.gettempdir()) / "kumppani-nsis-check"


def check(out_dir: Path | None = None, makensis: str | None = None) -> Path:
    """Compile the script against a dummy payload (installing makensis if need be); the setup path.

    The dummy payload is thrown away; the compiled installer stays in ``out_dir`` (default: a
    ``kumppani-nsis-check`` folder in the temporary directory).
    """
    makensis = makensis or ensure_makensis()
    with tempfile.TemporaryDirectory(prefix="kumppani-nsis-") as temp:
        payload = make_dummy_payload(Path(temp) / "payload")
        started = time.perf_counter()
        setup = compile_installer(payload, out_dir or CHECK_DIR, makensis)
        seconds = time.perf_counter() - started
        print(f"makensis {makensis_version(makensis)}: {setup.stat().st_size} bytes for a "
              f"{payload_size(payload)}-byte dummy payload in {seconds:.2f} s", file=sys.stderr)
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true",
                      help="compile the script against a dummy payload")
    mode.add_argument("--payload", type=Path, help="PyInstaller's one-folder output")
    parser.add_argument("--out", type=Path, help="where to write the setup .exe")
    parser.add_argument("--makensis", help="makensis to use (default: found or installed)")
    args = parser.parse_args(argv)

    try:
        if args.check:
            print(check(args.out, args.makensis))
            return 0
        makensis = args.makensis or ensure_makensis()
        started = time.perf_counter()
        setup = compile_installer(args.payload, args.out or ROOT / "dist", makensis)
        print(f"makensis {makensis_version(makensis)}: {setup.stat().st_size} bytes in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        print(setup)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

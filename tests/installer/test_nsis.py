"""The Windows installer script: metadata, a real makensis compile, and the user data rule.

makensis runs on Linux too (Debian's ``nsis`` package, installed by ``ensure_makensis()`` when the
suite runs as root), so the .nsi is compiled for real here; only running the setup needs Windows.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import struct
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
NSI = REPO / "installer" / "windows" / "kumppani.nsi"


def _load_nsis() -> ModuleType:
    # installer/ is a folder of build scripts, not a package; load the file itself.
    spec = importlib.util.spec_from_file_location("kumppani_installer_nsis", REPO / "installer" / "nsis.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


nsis = _load_nsis()


@pytest.fixture(scope="module")
def makensis() -> str:
    return nsis.ensure_makensis()


def _script_lines() -> list[str]:
    text = NSI.read_text(encoding="utf-8-sig")
    return [line.strip() for line in text.splitlines()]


def _code_lines() -> list[str]:
    return [line for line in _script_lines() if line and not line.startswith((";", "#"))]


def _ico(size: int = 16) -> bytes:
    """A valid one-image .ico (32-bit BMP), as makensis checks the icons it embeds."""
    pixels = b"\x30\x60\xc0\xff" * (size * size)
    mask = b"\0" * (4 * size)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(pixels) + len(mask),
                         0, 0, 0, 0)
    image = header + pixels + mask
    return (struct.pack("<HHH", 0, 1, 1)
            + struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), 22) + image)


def test_metadata_from_pyproject() -> None:
    metadata = nsis.project_metadata(REPO / "pyproject.toml")
    with (REPO / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    assert metadata["name"] == project["name"] == "kumppani"
    assert metadata["version"]
    try:
        installed = importlib.metadata.version("kumppani")
    except importlib.metadata.PackageNotFoundError:
        installed = None
    if installed is not None:
        assert metadata["version"] == installed
    assert metadata["description"] == project["description"]
    assert metadata["publisher"] == "Kumppani developers"
    assert isinstance(metadata["urls"], dict)
    assert isinstance(metadata["homepage"], str)


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0", "0.1.0.0"), ("1.2", "1.2.0.0"), ("2.0.0rc1", "2.0.0.0"), ("1.2.3.4.5", "1.2.3.4"),
     ("0.1.0.dev3", "0.1.0.0"), ("70000.1", "65535.1.0.0")],
)
def test_windows_version(version: str, expected: str) -> None:
    assert nsis.windows_version(version) == expected


def test_defines_are_safe_in_nsis_strings(tmp_path: Path) -> None:
    metadata = {"version": "1.0", "publisher": 'A "B" $C', "description": "x\ny", "homepage": ""}
    values = nsis.defines(tmp_path, tmp_path / "out.exe", metadata)
    assert values["PUBLISHER"] == "A 'B' $$C"
    assert values["DESCRIPTION"] == "x y"
    assert values["HOMEPAGE"] == ""
    assert values["VIVERSION"] == "1.0.0.0"


def test_compiles_against_a_dummy_payload(tmp_path: Path, makensis: str) -> None:
    payload = nsis.make_dummy_payload(tmp_path / "payload")
    setup = nsis.compile_installer(payload, tmp_path / "out", makensis)
    version = nsis.project_metadata(REPO / "pyproject.toml")["version"]
    assert setup == (tmp_path / "out" / f"Kumppani-{version}-setup.exe").resolve()
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    # The dummy payload is mostly random bytes: a bigger setup means the payload went in.
    assert len(data) > nsis.payload_size(payload)
    # The version resource (uncompressed, UTF-16) carries the project's version.
    assert "ProductVersion".encode("utf-16-le") in data
    assert version.encode("utf-16-le") in data
    assert b"Nullsoft" in data


def test_check_is_what_the_build_script_calls(tmp_path: Path, makensis: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    setup = nsis.check(tmp_path, makensis)
    assert setup.parent == tmp_path.resolve()
    assert setup.read_bytes()[:2] == b"MZ"
    assert "dummy payload" in capsys.readouterr().err


def test_compiles_with_an_icon_in_the_payload(tmp_path: Path, makensis: str) -> None:
    payload = nsis.make_dummy_payload(tmp_path / "payload", random_bytes=1024)
    (payload / "kumppani.ico").write_bytes(_ico())
    setup = nsis.compile_installer(payload, tmp_path / "out", makensis)
    assert setup.read_bytes()[:2] == b"MZ"


def test_compile_failure_raises_with_the_output(tmp_path: Path, makensis: str) -> None:
    payload = nsis.make_dummy_payload(tmp_path / "payload", random_bytes=16)
    broken = tmp_path / "broken.nsi"
    broken.write_text(NSI.read_text(encoding="utf-8-sig") + "\nNoSuchInstruction 1\n",
                      encoding="utf-8")
    with pytest.raises(RuntimeError, match="NoSuchInstruction"):
        nsis.compile_installer(payload, tmp_path / "out", makensis, nsi=broken)


def test_payload_without_the_program_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(RuntimeError, match="kumppani.exe"):
        nsis.compile_installer(tmp_path / "empty", tmp_path / "out", "makensis")


def test_missing_makensis_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nsis, "_find_makensis", lambda: None)
    monkeypatch.setattr(nsis, "_is_debian", lambda: False)
    with pytest.raises(RuntimeError, match="install the 'nsis' package"):
        nsis.ensure_makensis()


def test_three_languages_finnish_first() -> None:
    languages = [match.group(1) for line in _code_lines()
                 if (match := re.match(r'!insertmacro\s+MUI_LANGUAGE\s+"(\w+)"', line))]
    assert languages == ["Finnish", "Swedish", "English"]
    assert any("MUI_LANGDLL_DISPLAY" in line for line in _code_lines())


def test_every_langstring_in_all_three_languages() -> None:
    seen: dict[str, set[str]] = {}
    for line in _code_lines():
        if match := re.match(r"LangString\s+(\w+)\s+\$\{LANG_(\w+)\}", line):
            seen.setdefault(match.group(1), set()).add(match.group(2))
    assert {"UnConfirmText", "UnFinishText", "ShortcutComment", "SecDesktopName"} <= set(seen)
    for name, languages in seen.items():
        assert languages == {"FINNISH", "SWEDISH", "ENGLISH"}, name


def test_uninstaller_never_deletes_user_data() -> None:
    removals = [line for line in _code_lines()
                if re.match(r"(RMDir|Delete|DeleteRegKey|DeleteRegValue)\b", line, re.IGNORECASE)]
    assert removals, "the uninstaller removes nothing?"
    for line in removals:
        upper = line.upper()
        assert "APPDATA" not in upper, line
        assert "KUMPPANIDATA" not in upper and "PORTABLE" not in upper, line
        assert "HKCU" not in upper, line
        # Everything removed is in the program folder, a shortcut, or the installer's own keys.
        assert re.search(r"\$INSTDIR|\$SMPROGRAMS|\$DESKTOP|HKLM", line), line
    # The uninstall confirmation says that the data stays, in every language.
    confirm = [line for line in _code_lines() if line.startswith("LangString UnConfirmText")]
    assert len(confirm) == 3
    assert all("%LOCALAPPDATA%\\Kumppani" in line for line in confirm)


def test_program_folder_settings() -> None:
    code = _code_lines()
    assert 'InstallDir "$PROGRAMFILES64\\${APP_NAME}"' in code
    for value in ("DisplayName", "DisplayVersion", "Publisher", "UninstallString", "DisplayIcon",
                  "NoModify", "NoRepair", "EstimatedSize"):
        assert any(line.startswith("WriteReg") and f'"{value}"' in line for line in code), value
    assert any(line.startswith("VIProductVersion") for line in code)
    assert any(line.startswith("!if /FileExists") and "kumppani.ico" in line for line in code)

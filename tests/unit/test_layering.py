"""Storage, services, documents and sync stay Qt-free, so the CLI and tests run without a display."""

import pkgutil
import re
import subprocess
import sys

import desktop

QT_IMPORT = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)

NON_UI = [
    name
    for info in pkgutil.walk_packages(desktop.__path__, "desktop.")
    if not (name := info.name).startswith("desktop.ui")
    and ".migrations" not in name
    and name != "desktop.__main__"  # importing it runs the program
]


def test_every_module_outside_the_ui_imports_without_qt():
    assert "desktop.storage.store" in NON_UI and "desktop.cli" in NON_UI
    code = (
        "import importlib, sys\n"
        f"for name in {NON_UI!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_the_ui_package_imports_pyside():
    from pathlib import Path

    root = Path(desktop.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if QT_IMPORT.search(path.read_text(encoding="utf-8"))
        and path.parts[len(root.parts)] != "ui"
    ]
    assert offenders == []

"""Build the frozen program and the Debian package, then prove that the installed program starts.

    .venv/bin/python installer/build.py [--install] [--skip-nsis]

Steps (each timed in the log): compile the catalogues; PyInstaller (one folder, dist/kumppani);
the frozen program's smoke test; the .deb (dpkg-deb) with a .desktop entry, icons and AppStream
metadata; the package unpacked into a scratch root and its program's smoke test run there (with
``--install`` also ``apt-get install ./the.deb``, the smoke test of /usr/bin/kumppani, and ``dpkg -r``); the Windows
installer script compiled with makensis against a dummy payload. Ends with the figures: bundle and
package size, build time, and the frozen program's cold start against the same program from the venv.
A failing step, or anything unexpected on a smoke test's stderr, fails the build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
APP_ID = "fi.kumppani.Kumppani"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Debian packages the bundled Qt needs that a desktop may lack (Qt itself is in the bundle).
DEPENDS = ("libegl1, libgl1, libopengl0, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, "
           "libdbus-1-3, libglib2.0-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, "
           "libxcb-shape0, libxcb-render-util0, libxcb-image0, libxcb-randr0, libxcb-xinerama0")


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)


def metadata() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        log("installing PyInstaller into this environment")
        run([sys.executable, "-m", "pip", "install", "--quiet", "pyinstaller>=6"])


def freeze() -> Path:
    run([sys.executable, ".ci/tasks.py", "compile"])
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(DIST), "--workpath", str(DIST / "work"), "installer/kumppani.spec"])
    return DIST / "kumppani"


def smoke_test(program: Path) -> None:
    """The program's own selftest, offscreen, in a clean environment; stderr must stay empty."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUMPPANI_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as home:
        env["HOME"] = home  # platformdirs' folders of a user who never ran Kumppani
        env.pop("XDG_DATA_HOME", None)
        env.pop("XDG_CONFIG_HOME", None)
        result = subprocess.run([str(program), "selftest"], env=env, capture_output=True, text=True,
                                timeout=300)
    if result.returncode != 0 or result.stderr.strip() or "selftest ok" not in result.stdout:
        raise SystemExit(f"smoke test of {program} failed (exit {result.returncode}):\n"
                         f"{result.stdout}\n{result.stderr}")
    log(f"smoke test passed: {program}")


def check_portable_mode(bundle: Path) -> None:
    """A portable.txt beside the program keeps the database beside it (a USB stick)."""
    marker, data = bundle / "portable.txt", bundle / "KumppaniData"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUMPPANI_")}
    marker.write_text("")
    try:
        subprocess.run([str(bundle / "kumppani"), "demo"], env=env, check=True, capture_output=True,
                       timeout=120)
        if not (data / "data" / "kumppani.sqlite3").is_file():
            raise SystemExit("portable mode: the database was not written beside the program")
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)
    log("portable mode keeps the database beside the program")


def render_icons(target: Path) -> None:
    """PNG icons in the standard sizes from the SVG, rendered by Qt's SVG module."""
    code = f"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([])
renderer = QSvgRenderer({str(ROOT / 'resources' / 'icons' / 'kumppani.svg')!r})
for size in {ICON_SIZES!r}:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    out = {str(target)!r} + f"/{{size}}x{{size}}/apps"
    import os
    os.makedirs(out, exist_ok=True)
    assert image.save(out + "/kumppani.png")
"""
    run([sys.executable, "-c", code], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    scalable = target / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "resources" / "icons" / "kumppani.svg", scalable / "kumppani.svg")


def build_deb(bundle: Path) -> Path:
    meta = metadata()
    version = meta["version"]
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    stage = DIST / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / "opt" / "kumppani", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "kumppani").symlink_to("/opt/kumppani/kumppani")
    share = stage / "usr" / "share"
    render_icons(share / "icons" / "hicolor")
    (share / "applications").mkdir(parents=True)
    shutil.copy(ROOT / "installer" / "linux" / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(parents=True)
    metainfo = (ROOT / "installer" / "linux" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(
        metainfo.replace("@VERSION@", version), encoding="utf-8")
    size_kib = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    (stage / "DEBIAN").mkdir()
    author = meta.get("authors", [{}])[0].get("name", "Kumppani")
    (stage / "DEBIAN" / "control").write_text(
        f"Package: kumppani\nVersion: {version}\nArchitecture: {arch}\n"
        f"Maintainer: {author} <kumppani@example.invalid>\nInstalled-Size: {size_kib}\n"
        f"Depends: {DEPENDS}\nSection: misc\nPriority: optional\n"
        f"Description: {meta['description']}\n"
        " Kumppani keeps the county's register of civil-society organisations, its partnership\n"
        " tables and their meetings, grant decisions and the checklist toward a region of\n"
        " participation and trust, offline, in Finnish, Swedish and English.\n",
        encoding="utf-8")
    target = DIST / f"kumppani_{version}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(target)],
        stdout=subprocess.DEVNULL)
    return target


def check_deb(deb: Path, install: bool) -> None:
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    for needed in (f"./usr/share/applications/{APP_ID}.desktop", f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
                   "./usr/share/icons/hicolor/48x48/apps/kumppani.png",
                   "./usr/share/icons/hicolor/scalable/apps/kumppani.svg", "./usr/bin/kumppani",
                   "./opt/kumppani/kumppani"):
        if needed not in listing:
            raise SystemExit(f"{deb.name} lacks {needed}")
    for tool, args in (("desktop-file-validate", [str(ROOT / "installer" / "linux" / f"{APP_ID}.desktop")]),):
        if shutil.which(tool):
            run([tool, *args])
    with tempfile.TemporaryDirectory() as scratch:
        run(["dpkg-deb", "-x", str(deb), scratch])
        smoke_test(Path(scratch) / "opt" / "kumppani" / "kumppani")
    if install:
        # apt-get installs the package's dependencies too, as an officer's software centre would.
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", str(deb)],
            stdout=subprocess.DEVNULL, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        try:
            smoke_test(Path("/usr/bin/kumppani"))
        finally:
            run(["dpkg", "-r", "kumppani"], stdout=subprocess.DEVNULL)


def cold_start(cmd: list[str], runs: int = 5) -> float:
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KUMPPANI_DATA_DIR": f"{work}/d",
               "KUMPPANI_CONFIG_DIR": f"{work}/c"}
        db = f"{work}/demo.sqlite3"
        subprocess.run([*cmd, "demo", "--db", db], env=env, check=True, stdout=subprocess.DEVNULL)
        env["KUMPPANI_EXIT_WHEN_SHOWN"] = "1"
        times = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            subprocess.run([*cmd, "--db", db], env=env, check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        return statistics.median(times[1:])  # the first run warms the page cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", action="store_true", help="also install it with apt-get and remove it again (needs root)")
    parser.add_argument("--skip-nsis", action="store_true", help="do not compile the Windows script")
    args = parser.parse_args()
    started = time.perf_counter()
    ensure_pyinstaller()
    bundle = freeze()
    freeze_seconds = time.perf_counter() - started
    smoke_test(bundle / "kumppani")
    check_portable_mode(bundle)
    deb = build_deb(bundle)
    check_deb(deb, args.install)
    if not args.skip_nsis:
        sys.path.insert(0, str(ROOT / "installer"))
        import nsis

        log(f"Windows installer script compiled: {nsis.check()}")
    total = time.perf_counter() - started
    bundle_mib = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) / 2**20
    frozen = cold_start([str(bundle / "kumppani")])
    venv = cold_start([sys.executable, "-m", "desktop"])
    print(f"bundle size: {bundle_mib:.0f} MiB ({bundle})")
    print(f"package size: {deb.stat().st_size / 2**20:.0f} MiB ({deb.name})")
    print(f"build time: freeze {freeze_seconds:.0f} s, everything {total:.0f} s")
    print(f"cold start to shown main window: frozen {frozen * 1000:.0f} ms; "
          f"from the venv {venv * 1000:.0f} ms; ratio {frozen / venv:.2f}")


if __name__ == "__main__":
    main()

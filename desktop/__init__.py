"""Kumppani: the county liaison officer's desktop application."""

from importlib import metadata as _metadata

APP_NAME = "Kumppani"


def _version() -> str:
    """One source of truth: pyproject.toml, through the installed (or frozen) package metadata."""
    try:
        return _metadata.version("kumppani")
    except _metadata.PackageNotFoundError:  # a checkout that was never installed
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
        except (OSError, KeyError, ValueError):
            return "unknown"


__version__ = _version()

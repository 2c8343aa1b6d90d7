"""Kumppani: the county liaison officer's desktop application."""

from importlib import metadata as _metadata

APP_NAME = "Kumppani"

try:
    __version__ = _metadata.version("kumppani")
except _metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"

"""A realistic demo register: see ``builder``."""

from desktop.services.demo.builder import DemoSummary, create_demo

__all__ = ["DemoSummary", "create_demo"]

"""Sync by file export: bundle format, validation, merge. No Qt."""

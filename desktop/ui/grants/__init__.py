"""The grants page's parts: calls, applications and decisions, follow-up, statistics."""

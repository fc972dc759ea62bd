"""The HTTP engine's tests use the session's nginx from ``tests/conftest.py`` (shared with the
HTTP tab's UI tests, so one nginx serves both)."""

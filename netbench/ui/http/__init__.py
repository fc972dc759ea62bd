"""The HTTP tab: a request builder and a response viewer (see docs/architecture.md, "Adding a tab")."""

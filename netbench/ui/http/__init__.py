"""The HTTP tab: a request builder and a response viewer.

It stands in the tab frame (see docs/architecture.md, "Adding a tab").
"""

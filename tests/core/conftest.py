"""Puts this folder on the import path, for the helpers (``encodable``) the tests below share."""

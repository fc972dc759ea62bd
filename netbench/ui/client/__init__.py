"""The Client tab: several sessions, each connected on its own."""

"""The Lessons tab: the tutorials' experiments, one click each."""

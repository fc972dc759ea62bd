"""The Server tab: listeners, their peers, transcripts and automatic replies."""

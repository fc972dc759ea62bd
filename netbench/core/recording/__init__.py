"""Recordings: transcripts written to JSON Lines, and read back to send them again.

A recording is JSON Lines as netbench writes it (Record to file, or Export › JSON Lines, on
the Client or the Server tab): one row per message or note, with "at" (wall-clock seconds),
"dir" (in, out, info, error), "peer" and, for messages, "hex" (the exact bytes).

- :mod:`.writer`: records to rows and back, and the recorder that streams them to a file;
- :mod:`.rows`: a recording's rows read one at a time, each checked;
- :mod:`.summary`: what a recording holds, scanned a slice at a time;
- :mod:`.replay_plan`: which messages a replay sends, and how it spaces them;
- :mod:`.reader`: the chosen messages, read lazily while they are sent.
"""

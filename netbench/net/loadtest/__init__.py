"""A load generator: N concurrent connections sending M messages (or for a time) at a rate.

- :mod:`.settings`: what to run (LoadSettings, RateScope) and its validation;
- :mod:`.run`: the run itself (LoadRun), started with ``await run.execute()`` on the loop
  that owns it, and the process's file limit (open_file_limit);
- :mod:`.connections`: one protocol object per connection, sending from its own callbacks;
- :mod:`.sockets`: the target resolved once, a socket per connection;
- :mod:`.results`: progress snapshots (LoadProgress) and the result (LoadResult).
"""

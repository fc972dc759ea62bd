"""A load generator: N concurrent connections sending M messages (or for a time) at a rate.

Each connection is a small protocol object that sends from its own callbacks: in
request/response mode the next message goes out from the callback that completed the
reply, so a round trip costs no task switch; without replies it writes until the transport
asks it to pause. Nothing goes through the event bridge: the run keeps plain counters and
publishes a :class:`LoadProgress` snapshot a few times per second (``LoadRun.latest``, and
``on_progress`` on the run's loop), which a UI on another thread can read at its own pace.

A run is started with ``await run.execute()`` on the loop that owns it (the engine's) and
ends with a :class:`LoadResult`, also when cancelled: :meth:`LoadRun.cancel` stops every
connection at once, closes every socket, and keeps what was measured so far.
"""

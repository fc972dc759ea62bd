"""Pure logic: payloads, framing, transcripts. No sockets, no asyncio, no Qt."""

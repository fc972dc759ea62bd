"""The Lookup tab's pure parts: address maths, special ranges, services and ports, port
specs, scan and ping reports, route tables and socket filters. No sockets, no asyncio."""

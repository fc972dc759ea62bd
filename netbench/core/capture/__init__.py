"""Packets on paper: the pcapng file format, synthetic TCP/UDP packets for a transcript,
the headers of captured ones, and a connection's ladder (segments and TCP states). No
sockets, no asyncio."""

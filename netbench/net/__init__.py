"""Asyncio networking, loop-agnostic and Qt-free; reports through plain callbacks."""

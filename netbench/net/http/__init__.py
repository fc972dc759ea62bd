"""The HTTP engine: requests run on httpcore2 over our own recording connections.

Importing this package costs nothing: httpcore2 (and anyio, which its locks need) are
imported by :mod:`netbench.net.http.backend` when the first request runs, as they take
~150 ms. Start from :class:`netbench.net.http.client.HttpClient`.
"""

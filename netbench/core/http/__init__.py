"""HTTP as data: the request model, what an exchange produced, and pure helpers around them
(query tables, variables, bodies, curl and ``.http`` files, SSE, anomalies in raw bytes).

No sockets and no asyncio: ``netbench.net.http`` runs the requests described here.
"""

"""The URL's query string and the builder's parameter table, kept in sync both ways.

Editing the URL refills the table (:func:`split_query`); editing the table rewrites the
query (:func:`with_query`), leaving scheme, host, path and fragment as they were. Blank
values and repeated names are kept, in order: ``?a=&a=2`` is two rows.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit


def split_query(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


def with_query(url: str, params: list[tuple[str, str]]) -> str:
    parts = urlsplit(url)
    query = urlencode(params, quote_via=quote)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))

"""What an exchange produced, hop by hop: the bytes, the timings, and what looked wrong.

Timings are named like ``curl -w`` and measured the same way, in seconds from the start of
the hop: ``namelookup`` (name resolved), ``connect`` (TCP up), ``appconnect`` (TLS done),
``pretransfer`` (about to send), ``starttransfer`` (first byte of the response; on HTTP/2
the first HEADERS frame on our stream, not the server's SETTINGS), ``posttransfer`` (last
byte of the request sent), ``total``, and ``redirect`` (time spent in the hops before this
one). A phase that did not happen is ``None``: on a reused connection there was no lookup,
connect or handshake, and saying 0.0 would be a lie.

The records made for every request (:class:`HopResult`, :class:`Timings`,
:class:`BodyFiles`, :class:`ExchangeResult`) are slotted but not frozen: a frozen
dataclass sets each field through ``object.__setattr__``, which made building them a
sixth of the engine's own time on a keep-alive request. Nothing changes them once made;
they are handed to the UI thread as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from netbench.core.http.wirelog import WireSlice


class Outcome(StrEnum):
    """How an exchange ended: a whole response, an error, or the user's Cancel. The
    history keeps it with each entry."""

    COMPLETE = "complete"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(slots=True)  # read-only by convention: see the module's docstring
class Timings:
    namelookup: float | None = None
    connect: float | None = None
    appconnect: float | None = None
    pretransfer: float | None = None
    posttransfer: float | None = None
    starttransfer: float | None = None
    total: float = 0.0
    redirect: float = 0.0
    reused: bool = False


@dataclass(frozen=True, slots=True)
class ConnectAttempt:
    """One address tried for a host name: where, and what happened (``ok`` or the error)."""

    address: str
    outcome: str
    ok: bool
    seconds: float


@dataclass(frozen=True, slots=True)
class Certificate:
    """One certificate of the chain the server sent, as the response's TLS details list it."""

    subject: str
    issuer: str
    alt_names: tuple[str, ...]
    not_before: str
    not_after: str
    sha256: str  # colon-separated hex of the DER form


@dataclass(frozen=True, slots=True)
class TlsInfo:
    """What the TLS handshake settled: protocol, cipher, the ALPN protocol, and the chain."""

    version: str
    cipher: str
    alpn: str
    chain: tuple[Certificate, ...]  # leaf first
    chain_complete: bool  # False: leaf only (the full chain needs Python 3.13)
    verified: bool


@dataclass(frozen=True, slots=True)
class Anomaly:
    """Something in the raw bytes a lenient parser would have hidden; ``offset`` is where
    in the response head it starts (-1 when it has no one place)."""

    code: str
    message: str
    offset: int = -1


@dataclass(slots=True)  # read-only by convention: see the module's docstring
class BodyFiles:
    """The body as it came (content-coded, de-chunked) and decoded (gzip, deflate, br).

    A small body stays in memory (``raw_data``); a larger one is in the file ``raw``.
    ``decoded`` / ``decoded_data`` exist only for a coded response. Read with
    :meth:`read_raw` / :meth:`read_decoded`, or open the files to stream them.
    """

    raw: Path | None = None
    decoded: Path | None = None
    raw_size: int = 0
    decoded_size: int = 0
    decode_error: str = ""
    raw_data: bytes = b""
    decoded_data: bytes | None = None

    def read_raw(self, limit: int = -1) -> bytes:
        if self.raw is None:
            return self.raw_data[:limit] if limit >= 0 else self.raw_data
        with self.raw.open("rb") as source:
            return source.read(limit)

    def read_decoded(self, limit: int = -1) -> bytes:
        """The decoded body, or the raw one when the response was not coded."""
        if self.decoded is not None:
            with self.decoded.open("rb") as source:
                return source.read(limit)
        if self.decoded_data is not None:
            return self.decoded_data[:limit] if limit >= 0 else self.decoded_data
        return self.read_raw(limit)


@dataclass(frozen=True, slots=True)
class Interim:
    """A 1xx response before the final one (100 Continue, 103 Early Hints)."""

    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]


Findings = tuple[tuple[Interim, ...], tuple[Anomaly, ...]]


class HeadFindings:
    """What the scan of a response head found: the 1xx responses before the final one, and
    the anomalies a lenient parser hid.

    Given as they are (raw mode), or as the scan to run (:meth:`later`): the engine's hops
    are scanned only when something reads them, once. Most hops of a burst of keep-alive
    requests are never looked at, and the scan was a tenth of the engine's own time on
    one. The scan reads bytes already recorded, which never change.
    """

    __slots__ = ("_found", "_scan")

    def __init__(
        self,
        interim: tuple[Interim, ...] = (),
        anomalies: tuple[Anomaly, ...] = (),
        scan: Callable[[], Findings] | None = None,
    ) -> None:
        self._found: Findings | None = None if scan else (interim, anomalies)
        self._scan = scan

    @classmethod
    def later(cls, scan: Callable[[], Findings]) -> HeadFindings:
        return cls(scan=scan)

    def _get(self) -> Findings:
        found = self._found
        if found is None:
            assert self._scan is not None
            found = self._found = self._scan()
            self._scan = None
        return found

    @property
    def interim(self) -> tuple[Interim, ...]:
        return self._get()[0]

    @property
    def anomalies(self) -> tuple[Anomaly, ...]:
        return self._get()[1]


NO_FINDINGS = HeadFindings()


@dataclass(slots=True)  # read-only by convention: see the module's docstring
class HopResult:
    """One request and its response: a redirect chain has one per hop."""

    index: int
    method: str
    url: str
    outcome: Outcome
    error: str = ""
    status: int = 0
    reason: str = ""
    http_version: str = ""
    request_headers: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()  # exact order and case as received
    findings: HeadFindings = NO_FINDINGS  # the 1xx before the final response, anomalies
    timings: Timings = field(default_factory=Timings)
    connection_number: int = 0
    reused: bool = False
    attempts: tuple[ConnectAttempt, ...] = ()
    local_address: str = ""
    remote_address: str = ""
    tls: TlsInfo | None = None
    sent_bytes: int = 0  # request head and body as they went on the wire
    received_bytes: int = 0  # response head and body as they came
    body: BodyFiles = field(default_factory=BodyFiles)
    wire: WireSlice | None = None
    stream_id: int = 0  # HTTP/2 only
    served_by: str = ""  # the engine's path: "h11" (HTTP/1.1 direct) or "httpcore2"; raw: ""

    @property
    def interim(self) -> tuple[Interim, ...]:
        """1xx responses (100 Continue, 103 Early Hints) that came before the final one."""
        return self.findings.interim

    @property
    def anomalies(self) -> tuple[Anomaly, ...]:
        return self.findings.anomalies

    def header(self, name: str) -> str | None:
        """The first value of response header ``name`` (any case), or None."""
        wanted = name.lower()
        return next((v for n, v in self.headers if n.lower() == wanted), None)


@dataclass(slots=True)  # read-only by convention: see the module's docstring
class ExchangeResult:
    hops: tuple[HopResult, ...]
    outcome: Outcome
    error: str = ""

    @property
    def final(self) -> HopResult | None:
        return self.hops[-1] if self.hops else None

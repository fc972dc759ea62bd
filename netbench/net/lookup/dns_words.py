"""DNS outcomes in a person's words: each rcode and each way a query can fail."""

from __future__ import annotations

import dns.exception
import dns.message
import dns.rcode

from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.errors import NetError

# The answers a person meets most, said with what they usually mean.
_RCODE_WORDS: dict[dns.rcode.Rcode, Text] = {
    dns.rcode.NXDOMAIN: QT_TRANSLATE_NOOP(
        "Lookup", "no such name: {name} does not exist (NXDOMAIN)"
    ),
    dns.rcode.SERVFAIL: QT_TRANSLATE_NOOP(
        "Lookup",
        "the server failed to answer for {name} (SERVFAIL): it could not reach or "
        "validate the zone's own servers",
    ),
    dns.rcode.REFUSED: QT_TRANSLATE_NOOP(
        "Lookup",
        "the server refused to answer for {name} (REFUSED): it does not serve that "
        "zone, or not to this client",
    ),
}


def rcode_problem(message: dns.message.Message, name: str, rdtype: str) -> Text | None:
    """What is wrong with an answer, or None when it answers the question or refers on.

    NOERROR with no records is NODATA only when it is not a referral (a server that names
    the next zone's servers instead, as in a trace).
    """
    rcode = message.rcode()
    if rcode in _RCODE_WORDS:
        return _RCODE_WORDS[rcode].format(name=name)
    if rcode != dns.rcode.NOERROR:
        return QT_TRANSLATE_NOOP("Lookup", "the server answered {rcode} for {name}").format(
            rcode=dns.rcode.to_text(rcode), name=name
        )
    if not message.answer and not is_referral(message):
        return QT_TRANSLATE_NOOP(
            "Lookup", "{name} exists, but has no {rdtype} records (NODATA)"
        ).format(name=name, rdtype=rdtype)
    return None


def is_referral(message: dns.message.Message) -> bool:
    """No answer, and NS records (not an SOA) in the authority section."""
    from dns.rdatatype import NS, SOA

    types = {rrset.rdtype for rrset in message.authority}
    return not message.answer and NS in types and SOA not in types


def transport_problem(exc: BaseException, server: str, timeout: float) -> Text:
    """Why no answer came from ``server`` at all."""
    if isinstance(exc, dns.exception.Timeout | TimeoutError):
        return QT_TRANSLATE_NOOP(
            "Lookup", "no answer from {server} within {timeout} s (timeout)"
        ).format(server=server, timeout=f"{timeout:g}")
    if isinstance(exc, ConnectionRefusedError):
        return QT_TRANSLATE_NOOP(
            "Lookup", "connection refused by {server}: no DNS server listens there"
        ).format(server=server)
    if isinstance(exc, NetError):  # the HTTP engine's words, for DNS over HTTPS
        if isinstance(exc.message, Text):
            return exc.message
        return QT_TRANSLATE_NOOP("Lookup", "cannot query {server}: {reason}").format(
            server=server, reason=exc.message
        )
    if isinstance(exc, dns.message.Truncated):
        return QT_TRANSLATE_NOOP("Lookup", "{server} sent a truncated answer").format(server=server)
    if isinstance(exc, dns.exception.FormError):
        return QT_TRANSLATE_NOOP("Lookup", "{server} sent a malformed answer: {reason}").format(
            server=server, reason=str(exc)
        )
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return QT_TRANSLATE_NOOP("Lookup", "cannot query {server}: {reason}").format(
        server=server, reason=reason
    )

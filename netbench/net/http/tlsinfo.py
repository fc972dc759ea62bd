"""What a TLS connection negotiated, and the certificate(s) the server showed.

The chain beyond the leaf is only available from Python 3.13 (``get_verified_chain``);
before that the leaf alone is reported, with ``chain_complete`` False to say so.
"""

from __future__ import annotations

import hashlib
import ssl
from typing import Any

from netbench.core.http.result import Certificate, TlsInfo

# ssl.Certificate.public_bytes (3.13) takes _ssl's encoding constants; DER is 2.
_ENCODING_DER: int = getattr(getattr(ssl, "_ssl", None), "ENCODING_DER", 2)


def _fingerprint(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def parse_certificate(der: bytes) -> Certificate:
    from cryptography import x509  # imported when needed: it costs ~70 ms of start-up

    cert = x509.load_der_x509_certificate(der)
    try:
        extension = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        names = tuple(str(getattr(n, "value", n)) for n in extension.value)
    except x509.ExtensionNotFound:
        names = ()
    return Certificate(
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        alt_names=names,
        not_before=cert.not_valid_before_utc.isoformat(),
        not_after=cert.not_valid_after_utc.isoformat(),
        sha256=_fingerprint(der),
    )


def _chain_der(ssl_object: Any) -> tuple[list[bytes], bool]:
    verified = getattr(ssl_object, "get_verified_chain", None)
    if verified is not None:
        try:
            chain = verified()
        except ssl.SSLError:
            chain = None
        if chain:
            return [c.public_bytes(_ENCODING_DER) for c in chain], True
    leaf = ssl_object.getpeercert(binary_form=True)
    return ([leaf] if leaf else []), False


def tls_info(ssl_object: Any, verified: bool) -> TlsInfo:
    """Read from an ``ssl.SSLObject`` after the handshake."""
    cipher = ssl_object.cipher()
    chain, complete = _chain_der(ssl_object)
    return TlsInfo(
        version=ssl_object.version() or "",
        cipher=cipher[0] if cipher else "",
        alpn=ssl_object.selected_alpn_protocol() or "",
        chain=tuple(parse_certificate(der) for der in chain),
        chain_complete=complete,
        verified=verified,
    )


def client_context(
    verify: bool, ca_file: str | None, cert: str | None, key: str | None
) -> ssl.SSLContext:
    """A client context: the system's store (or ``ca_file``), optionally no checks (-k)."""
    if ca_file:
        context = ssl.create_default_context(cafile=ca_file)
    else:
        context = ssl.create_default_context()
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    if cert:
        context.load_cert_chain(cert, key or None)
    return context

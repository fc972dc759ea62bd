"""A TLS session in words: version, cipher, ALPN, verification and the certificates.

Python before 3.13 gives only the server's own certificate, not the chain it sent; the
text says so instead of showing a one-certificate "chain" as if it were complete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netbench.core.http.result import TlsInfo


def _tr(text: str) -> str:
    return QCoreApplication.translate("HttpTls", text)


def tls_text(info: TlsInfo) -> str:
    lines = [
        _tr("Version: {version}").format(version=info.version),
        _tr("Cipher: {cipher}").format(cipher=info.cipher),
        _tr("ALPN: {alpn}").format(alpn=info.alpn or "—"),
        _tr("Certificate verified") if info.verified else _tr("Certificate NOT verified"),
        "",
    ]
    for number, cert in enumerate(info.chain, start=1):
        lines += [
            _tr("Certificate {number}").format(number=number),
            _tr("  Subject: {subject}").format(subject=cert.subject),
            _tr("  Issuer: {issuer}").format(issuer=cert.issuer),
            _tr("  Names: {names}").format(names=", ".join(cert.alt_names) or "—"),
            _tr("  Valid: {start} to {end}").format(start=cert.not_before, end=cert.not_after),
            f"  SHA-256: {cert.sha256}",
            "",
        ]
    if not info.chain_complete:
        lines.append(_tr("Only the leaf certificate is available (the chain needs Python 3.13)."))
    return "\n".join(lines)

"""A TLS session in words: version, cipher, ALPN, verification and the certificates.

Python before 3.13 gives only the server's own certificate, not the chain it sent; the
text says so instead of showing a one-certificate "chain" as if it were complete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netbench.core.http.result import Certificate, TlsInfo


def _certificate(number: int, cert: Certificate) -> list[str]:
    return [
        QCoreApplication.translate("HttpTls", "Certificate {number}").format(number=number),
        "  "
        + QCoreApplication.translate("HttpTls", "Subject: {subject}").format(subject=cert.subject),
        "  " + QCoreApplication.translate("HttpTls", "Issuer: {issuer}").format(issuer=cert.issuer),
        "  "
        + QCoreApplication.translate("HttpTls", "Names: {names}").format(
            names=", ".join(cert.alt_names) or "—"
        ),
        "  "
        + QCoreApplication.translate("HttpTls", "Valid: {start} to {end}").format(
            start=cert.not_before, end=cert.not_after
        ),
        f"  SHA-256: {cert.sha256}",
        "",
    ]


def tls_text(info: TlsInfo) -> str:
    verified = (
        QCoreApplication.translate("HttpTls", "Certificate verified")
        if info.verified
        else QCoreApplication.translate("HttpTls", "Certificate NOT verified")
    )
    lines = [
        QCoreApplication.translate("HttpTls", "Version: {version}").format(version=info.version),
        QCoreApplication.translate("HttpTls", "Cipher: {cipher}").format(cipher=info.cipher),
        QCoreApplication.translate("HttpTls", "ALPN: {alpn}").format(alpn=info.alpn or "—"),
        verified,
        "",
    ]
    for number, cert in enumerate(info.chain, start=1):
        lines += _certificate(number, cert)
    if not info.chain_complete:
        lines.append(
            QCoreApplication.translate(
                "HttpTls", "Only the leaf certificate is available (the chain needs Python 3.13)."
            )
        )
    return "\n".join(lines)

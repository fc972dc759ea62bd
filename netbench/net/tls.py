"""TLS for listeners: a chosen certificate and key, or a self-signed pair made on demand.

A self-signed certificate lets a user try TLS in one click; its SHA-256 fingerprint is
what they compare with what a client (``openssl s_client``, a browser) shows them.
"""

from __future__ import annotations

import datetime
import hashlib
import ipaddress
import ssl
from dataclasses import dataclass
from pathlib import Path

from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError


@dataclass(frozen=True)
class ServerCertificate:
    cert_file: Path
    key_file: Path
    fingerprint: str  # SHA-256 of the DER certificate, colon-separated hex
    subject: str
    not_after: str


def fingerprint_of(cert_pem: bytes) -> str:
    der = ssl.PEM_cert_to_DER_cert(cert_pem.decode("ascii"))
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def describe_certificate(cert_file: Path, key_file: Path) -> ServerCertificate:
    from cryptography import x509  # imported when needed: it costs ~70 ms of start-up

    try:
        pem = cert_file.read_bytes()
        cert = x509.load_pem_x509_certificate(pem)
    except (OSError, ValueError) as exc:
        raise NetError.because(
            QT_TRANSLATE_NOOP("Tls", "cannot read the certificate {path}: {reason}"),
            exc,
            "cert",
            path=cert_file,
        ) from exc
    return ServerCertificate(
        cert_file=cert_file,
        key_file=key_file,
        fingerprint=fingerprint_of(pem),
        subject=cert.subject.rfc4514_string(),
        not_after=cert.not_valid_after_utc.isoformat(),
    )


def generate_self_signed(
    directory: Path, hostnames: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")
) -> ServerCertificate:
    """Write ``netbench-selfsigned.pem`` and its key (readable by us only) into ``directory``."""
    from cryptography import x509  # imported when needed: it costs ~70 ms of start-up
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    directory.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "netbench self-signed")])
    alt_names: list[x509.GeneralName] = []
    for host in hostnames:
        try:
            alt_names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            alt_names.append(x509.DNSName(host))
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file = directory / "netbench-selfsigned.pem"
    key_file = directory / "netbench-selfsigned.key"
    key_bytes = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    key_file.touch(mode=0o600, exist_ok=True)
    key_file.chmod(0o600)
    key_file.write_bytes(key_bytes)
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return describe_certificate(cert_file, key_file)


def server_context(certificate: ServerCertificate) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(certificate.cert_file, certificate.key_file)
    except (OSError, ssl.SSLError) as exc:
        raise NetError.because(
            QT_TRANSLATE_NOOP("Tls", "the certificate and key do not load together: {reason}"),
            exc,
            "cert",
        ) from exc
    return context

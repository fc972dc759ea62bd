"""A TLS file that does not load is said next to its field, with the system's own words."""

import pytest

from netbench.net.clients import ClientConfig, client_tls_context
from netbench.net.errors import NetError
from netbench.net.socket_kinds import SocketKind
from netbench.net.tls import describe_certificate, server_context


def test_a_missing_ca_file_is_said_with_its_path_and_why(tmp_path):
    missing = tmp_path / "nowhere.pem"
    config = ClientConfig(SocketKind.TLS, "localhost", 443, ca_file=missing)
    with pytest.raises(NetError) as caught:
        client_tls_context(config)
    assert caught.value.field == "ca_file"
    assert caught.value.message.startswith(f"the CA file {missing} cannot be loaded: ")
    assert "No such file" in caught.value.message
    assert isinstance(caught.value.__cause__, OSError)


def test_an_unreadable_client_certificate_is_said_on_its_field(tmp_path):
    config = ClientConfig(SocketKind.TLS, "localhost", 443, cert_file=tmp_path / "none.crt")
    with pytest.raises(NetError) as caught:
        client_tls_context(config)
    assert caught.value.field == "cert_file"
    assert caught.value.message.startswith("the client certificate cannot be read: ")


def test_a_certificate_with_another_key_does_not_load(tls_files):
    certificate = describe_certificate(tls_files / "client.crt", tls_files / "server.pem")
    with pytest.raises(NetError) as caught:
        server_context(certificate)
    assert caught.value.field == "cert"
    assert caught.value.message.startswith("the certificate and key do not load together: ")


def test_a_missing_certificate_is_said_with_its_path(tmp_path):
    missing = tmp_path / "server.pem"
    with pytest.raises(NetError) as caught:
        describe_certificate(missing, missing)
    assert caught.value.field == "cert"
    assert caught.value.message.startswith(f"cannot read the certificate {missing}: ")

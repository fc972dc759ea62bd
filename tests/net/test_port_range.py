"""Port numbers out of range are refused before any socket is made, at the port field.

A listener may ask for port 0 (any free port); a client must name the port it connects to.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.text import Text
from netbench.net.clients import ClientConfig
from netbench.net.errors import NetError, check_port
from netbench.net.listeners import ListenerConfig


@given(st.integers(-(2**20), 2**20), st.sampled_from([0, 1]))
def test_a_port_is_refused_exactly_when_out_of_range(port, lowest):
    if lowest <= port <= 65535:
        check_port(port, lowest)
        return
    with pytest.raises(NetError) as err:
        check_port(port, lowest)
    assert err.value.field == "port"
    assert err.value.message == f"port {port} is out of range: use {lowest} to 65535"
    assert isinstance(err.value.message, Text)  # the UI shows it in the user's language


def test_a_listener_may_ask_for_port_0_and_a_client_may_not():
    ListenerConfig(port=0).validate()
    with pytest.raises(NetError, match="use 1 to 65535"):
        ClientConfig(port=0).validate()
    with pytest.raises(NetError, match="port 65536 is out of range: use 0 to 65535"):
        ListenerConfig(port=65536).validate()

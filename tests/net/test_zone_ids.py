"""A zone id on an address that is not link-local is named as the mistake it is."""

import asyncio

import pytest

from netbench.net.errors import NetError
from netbench.net.event_route import EventRoute
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream_client import open_stream
from netbench.net.stream_listener import StreamListener


@pytest.mark.parametrize("opening", ["client", "listener"])
def test_a_zone_id_on_loopback_says_zone_ids_need_link_local(opening):
    async def scenario():
        if opening == "client":
            await open_stream(SocketAddress(host="::1%lo", port=9), EventRoute(lambda e: None))
        else:
            await StreamListener.open(
                SocketAddress(host="::1%lo", port=0), EventRoute(lambda e: None)
            )

    with pytest.raises(NetError) as raised:
        asyncio.run(scenario())
    assert "link-local" in raised.value.message and "name not found" not in raised.value.message
    assert raised.value.field == "host"

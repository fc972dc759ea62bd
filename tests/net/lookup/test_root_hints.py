"""The root hints a trace starts from: IANA's named.root as shipped, read with dnspython."""

import ipaddress
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.net.lookup.root_hints import parse_root_hints, root_list, root_servers


def test_a_trace_starts_from_the_thirteen_root_servers_both_families():
    names = [name for name, _ in root_list()]
    assert names == [f"{letter}.root-servers.net." for letter in "abcdefghijklm"]
    assert root_list()[0] == ("a.root-servers.net.", "198.41.0.4")
    assert root_list(ipv6=True)[0] == ("a.root-servers.net.", "2001:503:ba3e::2:30")
    for _, v4, v6 in root_servers():
        assert ipaddress.ip_address(v4).version == 4
        assert ipaddress.ip_address(v6).version == 6


def test_text_that_is_not_a_zone_file_is_refused():
    with pytest.raises(ValueError, match="root hints"):
        parse_root_hints(".  3600000  NS  a.root-servers.net.\nthis is not a record\n")


labels = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12)
servers = st.lists(
    st.tuples(labels, st.ip_addresses(v=4), st.ip_addresses(v=6) | st.none()),
    min_size=1,
    max_size=13,
    unique_by=lambda server: server[0],
)


@given(servers, st.booleans())
def test_every_server_of_a_hints_file_is_read_back_in_its_order(listed, upper):
    lines = ["; a comment, as IANA's file begins with", ";"]
    for label, v4, v6 in listed:
        name = f"{label}.root-servers.example."
        name = name.upper() if upper else name
        lines.append(f".  3600000  NS  {name}")
        lines.append(f"{name}  3600000  A  {v4}")
        if v6 is not None:
            lines.append(f"{name}  3600000  AAAA  {v6}")
    read = [
        (name, ipaddress.ip_address(v4), ipaddress.ip_address(v6) if v6 else None)
        for name, v4, v6 in parse_root_hints("\n".join(lines) + "\n")
    ]
    assert read == [(f"{label}.root-servers.example.", v4, v6) for label, v4, v6 in listed]

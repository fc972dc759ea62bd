"""Hosts typed for a port check: lists, networks, and ranges refused with the reason."""

import pytest

from netbench.core.lookup.address_errors import AddressError
from netbench.core.lookup.hosts import MAX_CONNECTS, check_size, parse_hosts


def test_a_list_of_names_addresses_and_networks_in_the_order_typed():
    hosts = parse_hosts(" 127.0.0.0/30, ::1 localhost,127.0.0.1 [::1]")
    assert hosts == ("127.0.0.0", "127.0.0.1", "127.0.0.2", "127.0.0.3", "::1", "localhost")
    assert parse_hosts("::1/127") == ("::", "::1")
    assert parse_hosts("127.0.0.5/32") == ("127.0.0.5",)


def test_the_largest_ranges_accepted_are_a_v4_16_and_a_v6_112():
    assert len(parse_hosts("10.1.0.0/16")) == 65536
    assert len(parse_hosts("fd00::/112")) == 65536
    with pytest.raises(AddressError) as v6:
        parse_hosts("::1, fd00::/111")
    assert v6.value.position == 5
    assert "131,072 addresses" in v6.value.message and "/112" in v6.value.message
    with pytest.raises(AddressError) as v4:
        parse_hosts("127.0.0.0/8")
    assert v4.value.position == 0
    assert "16,777,216 addresses" in v4.value.message and "IPv4 ranges up to /16" in str(v4.value)


@pytest.mark.parametrize(
    ("text", "position"),
    [("127.0.0.1, bad!name", 11), ("300.1.2.3/24", 0), ("127.0.0.1 1.2.3", 10), ("", 0)],
)
def test_what_is_not_a_host_is_pointed_at(text, position):
    with pytest.raises(AddressError) as error:
        parse_hosts(text)
    assert error.value.position == position


def test_hosts_times_ports_is_bounded():
    check_size(65536, 64)
    with pytest.raises(AddressError, match="connects"):
        check_size(65536, MAX_CONNECTS // 65536 + 1)

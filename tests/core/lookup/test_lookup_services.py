"""Services read once from /etc/services (or the bundled table) and port specs."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.lookup.address_errors import AddressError
from netbench.core.lookup.ports import format_ports, parse_ports
from netbench.core.lookup.services import (
    BUNDLED,
    PortClass,
    bundled_services,
    ephemeral_range,
    load_services,
    parse_services,
    port_class,
    port_info,
)

SAMPLE = """\
# comment
mysql		3306/tcp			# MySQL
http		80/tcp		www		# WorldWideWeb HTTP
domain		53/udp
broken line
bad		x/tcp
"""


def test_a_services_file_is_parsed_with_aliases_and_bad_lines_skipped():
    entries = parse_services(SAMPLE)
    assert [e.to_text() for e in entries] == [
        "mysql 3306/tcp",
        "http 80/tcp (www)",
        "domain 53/udp",
    ]


@pytest.mark.parametrize("table", [load_services(), bundled_services()])
def test_mysql_is_3306_over_tcp(table):
    assert table.port_of("mysql") == 3306
    assert table.by_port(3306).name == "mysql"
    assert table.port_of("www") == 80  # an alias
    assert table.name_of(53, "udp") == "domain"
    assert table.name_of(1) in ("tcpmux", "")
    assert "ssh" in {e.name for e in table.search("ss")}


def test_a_missing_file_falls_back_to_the_bundled_table(tmp_path):
    table = load_services(tmp_path / "services")
    assert table.source == BUNDLED
    assert len(table.entries) > 300


def test_port_ranges_are_named():
    assert port_class(0) is PortClass.WELL_KNOWN
    assert port_class(1023) is PortClass.WELL_KNOWN
    assert port_class(1024) is PortClass.REGISTERED
    assert port_class(49151) is PortClass.REGISTERED
    assert port_class(49152) is PortClass.DYNAMIC


def test_the_ephemeral_range_comes_from_the_system(tmp_path):
    path = tmp_path / "range"
    path.write_text("32768\t60999\n")
    found = ephemeral_range(path)
    assert (found.low, found.high) == (32768, 60999) and 40000 in found
    assert ephemeral_range(tmp_path / "absent") is None
    text = port_info(3306).to_text()
    assert "mysql" in text and "registered" in text


def test_a_port_spec_mixes_numbers_ranges_and_names():
    assert parse_ports("http,ssh,8000-8002, 22") == (22, 80, 8000, 8001, 8002)
    assert len(parse_ports("1-65535")) == 65535


@pytest.mark.parametrize(
    ("spec", "position", "words"),
    [
        ("80,0", 3, "0 at character 4 is not a port"),
        ("80,70000", 3, "70000"),
        ("100-90", 0, "runs backwards"),
        ("80,nosuchservice", 3, "neither a port number nor a tcp service"),
        ("8000-x", 5, "x at character 6"),
        (" , ", 0, "type ports"),
    ],
)
def test_bad_port_specs_say_where(spec, position, words):
    with pytest.raises(AddressError) as caught:
        parse_ports(spec)
    assert caught.value.position == position
    assert words in caught.value.message


@given(st.sets(st.integers(1, 65535), min_size=1, max_size=300))
def test_formatted_ports_parse_back_to_the_same_set(ports):
    text = format_ports(ports)
    assert parse_ports(text) == tuple(sorted(ports))
    assert len(text.split(",")) <= len(ports)


@given(st.lists(st.tuples(st.integers(1, 65535), st.integers(0, 50)), min_size=1, max_size=20))
def test_ranges_cover_exactly_their_ports(pairs):
    spec = ",".join(f"{low}-{min(low + width, 65535)}" for low, width in pairs)
    expected = {p for low, width in pairs for p in range(low, min(low + width, 65535) + 1)}
    assert set(parse_ports(spec)) == expected

"""The root servers' addresses (IANA's root hints, named.root), where a trace starts.

Our own table so that a trace does not depend on a file the system may not have; the
addresses change rarely (the last, b.root in 2023) and a stale one only costs a retry.
"""

from __future__ import annotations

ROOT_SERVERS: tuple[tuple[str, str, str], ...] = (
    ("a.root-servers.net.", "198.41.0.4", "2001:503:ba3e::2:30"),
    ("b.root-servers.net.", "170.247.170.2", "2801:1b8:10::b"),
    ("c.root-servers.net.", "192.33.4.12", "2001:500:2::c"),
    ("d.root-servers.net.", "199.7.91.13", "2001:500:2d::d"),
    ("e.root-servers.net.", "192.203.230.10", "2001:500:a8::e"),
    ("f.root-servers.net.", "192.5.5.241", "2001:500:2f::f"),
    ("g.root-servers.net.", "192.112.36.4", "2001:500:12::d0d"),
    ("h.root-servers.net.", "198.97.190.53", "2001:500:1::53"),
    ("i.root-servers.net.", "192.36.148.17", "2001:7fe::53"),
    ("j.root-servers.net.", "192.58.128.30", "2001:503:c27::2:30"),
    ("k.root-servers.net.", "193.0.14.129", "2001:7fd::1"),
    ("l.root-servers.net.", "199.7.83.42", "2001:500:9f::42"),
    ("m.root-servers.net.", "202.12.27.33", "2001:dc3::35"),
)


def root_list(ipv6: bool = False) -> list[tuple[str, str]]:
    """(name, address) of every root server, IPv4 addresses unless ``ipv6``."""
    return [(name, v6 if ipv6 else v4) for name, v4, v6 in ROOT_SERVERS]

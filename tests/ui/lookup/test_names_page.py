"""The Names page: the system's resolver on localhost (the hosts file answers)."""

import socket

from helpers import find


def test_localhost_resolves_with_the_tutorials_calls_beside(lookup, pump):
    page = lookup.show_page("names")
    pump(lambda: page.host_names is not None, 8)
    assert socket.gethostname() in page.this_host.text()
    find(lookup, "lookup.name").setText("localhost")
    find(lookup, "lookup.resolve").click()
    pump(lambda: page.last_forward is not None and page.last_calls, 8)
    table = find(lookup, "lookup.addresses")
    addresses = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert addresses & {"127.0.0.1", "::1"}
    families = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert families & {"AF_INET", "AF_INET6"}
    tutorials = find(lookup, "lookup.tutorials").toPlainText()
    assert ">>> socket.gethostbyname('localhost')\n'127.0.0.1'" in tutorials
    assert "socket.gethostbyname_ex('localhost')" in tutorials
    assert "getaddrinfo localhost" in page.log.text()


def test_reverse_lookup_of_loopback_and_an_error_in_words(lookup, pump):
    page = lookup.show_page("names")
    find(lookup, "lookup.reverse_address").setText("127.0.0.1")
    find(lookup, "lookup.reverse").click()
    pump(lambda: page.last_reverse is not None, 8)
    assert page.last_reverse.error is None
    assert page.reverse_status.text() == page.last_reverse.name != ""
    page.last_reverse = None
    find(lookup, "lookup.reverse_address").setText("not an address")
    find(lookup, "lookup.reverse").click()
    pump(lambda: page.last_reverse is not None, 8)
    assert page.last_reverse.error
    assert "not an address" in page.reverse_status.text()

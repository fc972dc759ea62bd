"""Services and ports: the services file and getservby* (no network)."""

import socket

from helpers import find


def test_mysql_is_3306_over_tcp_with_getservbyname(ui_lookup):
    page = ui_lookup.show_page("services")
    find(ui_lookup, "lookup.service").setText("mysql")
    find(ui_lookup, "lookup.service_run").click()
    answer = find(ui_lookup, "lookup.service_answer").toPlainText()
    assert "3306/tcp" in answer
    assert "registered (1024-49151)" in answer
    assert f">>> socket.getservbyname('mysql')\n{socket.getservbyname('mysql')!r}" in answer
    assert "mysql" in page.log.text()


def test_a_port_names_its_service_and_the_table_searches(ui_lookup):
    page = ui_lookup.show_page("services")
    find(ui_lookup, "lookup.service").setText("22")
    find(ui_lookup, "lookup.service_run").click()
    answer = page.answer.toPlainText()
    assert "22/tcp: ssh 22/tcp" in answer and "well-known" in answer
    assert ">>> socket.getservbyport(22)\n'ssh'" in answer
    find(ui_lookup, "lookup.service_search").setText("mysq")
    table = find(ui_lookup, "lookup.services")
    names = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert names == {"mysql"} or "mysql" in names
    assert "ephemeral ports" in page.ephemeral.text()

"""The address calculator: arithmetic and the socket module's conversions, no network."""

from helpers import find


def network_values(page):
    table = page.network
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_a_slash_24(ui_lookup):
    page = ui_lookup.show_page("calculator")
    find(ui_lookup, "lookup.cidr").setText("192.168.1.0/24")
    find(ui_lookup, "lookup.calculate").click()
    values = network_values(page)
    assert values["Network"] == "192.168.1.0/24"
    assert values["Netmask"] == "255.255.255.0"
    assert values["Wildcard"] == "0.0.0.255"
    assert values["Broadcast"] == "192.168.1.255"
    assert values["First host"] == "192.168.1.1"
    assert values["Last host"] == "192.168.1.254"
    assert values["Hosts"] == "254"
    assert values["Gateway (.1)"] == "192.168.1.1"
    assert "private" in values["Flags"]
    assert "RFC 1918" in values["Special range"]
    forms = {page.forms.item(r, 0).text(): page.forms.item(r, 1).text() for r in range(8)}
    assert forms["integer"] == "3232235776"
    assert forms["hex"] == "0xc0a80100"
    calls = find(ui_lookup, "lookup.calls").toPlainText()
    assert ">>> socket.inet_aton('192.168.1.0')\nb'\\xc0\\xa8\\x01\\x00'" in calls
    assert page.error.text() == ""


def test_a_lenient_form_warns_what_it_really_is(ui_lookup):
    page = ui_lookup.show_page("calculator")
    find(ui_lookup, "lookup.cidr").setText("010.1.1.1")
    find(ui_lookup, "lookup.calculate").click()
    assert "8.1.1.1" in page.warning.text()
    assert "octal" in page.warning.text()
    assert network_values(page)["Really means"] == "8.1.1.1"
    assert network_values(page)["Address"] == "8.1.1.1"


def test_a_typo_is_pointed_at(ui_lookup):
    page = ui_lookup.show_page("calculator")
    field = find(ui_lookup, "lookup.cidr")
    field.setText("192.168.1x.0/24")
    find(ui_lookup, "lookup.calculate").click()
    assert "at character 9" in page.error.text()
    assert field.cursorPosition() in (8, 9) and field.selectedText() == "1"
    field.setText("10.0.0.0/33")
    find(ui_lookup, "lookup.calculate").click()
    assert "/33" in page.error.text() and "at character 10" in page.error.text()


def test_split_and_supernet(ui_lookup):
    page = ui_lookup.show_page("calculator")
    find(ui_lookup, "lookup.cidr").setText("192.168.1.0/24")
    find(ui_lookup, "lookup.split_prefix").setValue(26)
    find(ui_lookup, "lookup.split").click()
    text = find(ui_lookup, "lookup.subnets").toPlainText()
    assert "192.168.1.192/26" in text and "4 × /26" in text
    find(ui_lookup, "lookup.supernet_input").setText("192.168.0.0/24, 192.168.3.0/24")
    find(ui_lookup, "lookup.supernet").click()
    assert "192.168.0.0/22" in find(ui_lookup, "lookup.subnets").toPlainText()
    assert "Split 192.168.1.0/24" in page.log.text()

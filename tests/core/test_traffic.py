from hypothesis import given
from hypothesis import strategies as st

from netbench.core.traffic import Traffic

passes = st.lists(st.tuples(st.booleans(), st.integers(0, 10), st.integers(0, 1 << 20)))


@given(passes)
def test_each_way_counts_every_message_and_byte_that_passed(passed):
    traffic = Traffic()
    for inbound, messages, nbytes in passed:
        if inbound:
            traffic.count_in(messages, nbytes)
        else:
            traffic.count_out(messages, nbytes)
    inbound = [(m, n) for way, m, n in passed if way]
    outbound = [(m, n) for way, m, n in passed if not way]
    assert traffic.messages_in == sum(m for m, _ in inbound)
    assert traffic.bytes_in == sum(n for _, n in inbound)
    assert traffic.messages_out == sum(m for m, _ in outbound)
    assert traffic.bytes_out == sum(n for _, n in outbound)

"""Large files are streamed, one response at a time, however many requests are pipelined."""

from __future__ import annotations

from pathlib import Path

from reply_helpers import NOW

from netbench.core.replies.http_files import INLINE_FILE_BYTES, STREAM_CHUNK_BYTES
from netbench.core.replies.http_site import HttpStaticResponder
from netbench.core.replies.responder import CloseConnection, Reply, StreamReply

GET_BIG = b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n"


def big_site(tmp_path: Path, size: int = 3 * STREAM_CHUNK_BYTES + 5) -> Path:
    (tmp_path / "big.bin").write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    (tmp_path / "index.html").write_bytes(b"home")
    return tmp_path


def test_a_large_file_is_streamed_in_chunks_and_pipelined_requests_wait(tmp_path):
    site = big_site(tmp_path)
    session = HttpStaticResponder(site).new_session("p")
    actions = session.on_frame(GET_BIG * 3 + b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", NOW)
    assert len(actions) == 1 and isinstance(actions[0], StreamReply)
    head = actions[0].head
    assert head.startswith(b"HTTP/1.1 200 OK\r\n")
    size = (site / "big.bin").stat().st_size
    assert f"Content-Length: {size}\r\n".encode() in head and head.endswith(b"\r\n\r\n")
    chunks = list(actions[0].body)
    assert all(len(c) <= STREAM_CHUNK_BYTES for c in chunks)
    assert b"".join(chunks) == (site / "big.bin").read_bytes()
    assert session.on_frame(b"", NOW) == []  # still one at a time until it is sent
    second = session.on_sent(NOW)
    assert len(second) == 1 and isinstance(second[0], StreamReply)
    second[0].body.close()
    third = session.on_sent(NOW)
    third[0].body.close()
    last = session.on_sent(NOW)
    assert len(last) == 1 and isinstance(last[0], Reply) and last[0].data.endswith(b"home")


def test_the_end_of_stream_waits_for_the_streamed_responses(tmp_path):
    session = HttpStaticResponder(big_site(tmp_path)).new_session("p")
    (first,) = session.on_frame(GET_BIG * 2, NOW)
    assert session.on_end() == []
    first.body.close()
    (second,) = session.on_sent(NOW)
    second.body.close()
    assert session.on_sent(NOW) == [CloseConnection()]


def test_head_of_a_large_file_sends_no_body(tmp_path):
    session = HttpStaticResponder(big_site(tmp_path)).new_session("p")
    (reply,) = session.on_frame(b"HEAD /big.bin HTTP/1.1\r\nHost: x\r\n\r\n", NOW)
    assert isinstance(reply, Reply) and reply.data.endswith(b"\r\n\r\n")
    assert (tmp_path / "big.bin").stat().st_size > INLINE_FILE_BYTES

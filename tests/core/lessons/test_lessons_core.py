"""The lessons' data and the tutorial's form of the time-stamp reply."""

import ast
import time

from netbench.core.lessons import programs
from netbench.core.lessons.steps import Endpoint, lessons
from netbench.core.replies.responder import Reply
from netbench.core.replies.simple import TimestampResponder

FRI_DEC_4 = time.mktime((2026, 12, 4, 20, 0, 19, 0, 0, -1))  # local time


def reply(responder, data, now):
    actions = responder.new_session("127.0.0.1:50000").on_frame(data, now)
    assert len(actions) == 1 and isinstance(actions[0], Reply)
    return actions[0].data


def test_joined_timestamp_is_the_tutorials_ctime_plus_data():
    # The tutorial: tcpCliSock.send(bytes(ctime(), encoding="utf-8") + data)
    assert reply(TimestampResponder(joined=True), b"hello", FRI_DEC_4) == (
        b"Fri Dec  4 20:00:19 2026hello"
    )
    assert reply(TimestampResponder(), b"hello", FRI_DEC_4) == (b"[Fri Dec  4 20:00:19 2026] hello")


def test_every_program_is_python_3_with_the_real_endpoint():
    for name in dir(programs):
        code = getattr(programs, name)
        if name.isupper() and isinstance(code, str):
            rendered = programs.render(code, 43210, "/tmp/x/sock")
            ast.parse(rendered)
            assert "$port" not in rendered and "$path" not in rendered


def test_steps_have_unique_keys_and_code_that_uses_their_server():
    steps = lessons()
    assert len({lesson.key for lesson in steps}) == len(steps)
    for lesson in steps:
        code = lesson.client_program(Endpoint(43210, "/tmp/x/sock"))
        if lesson.server is not None and lesson.server.kind != "unix":
            assert "43210" in code, lesson.key
        if lesson.server is not None and lesson.server.kind == "unix":
            assert "/tmp/x/sock" in code

"""Runs the real app with few file descriptors left, and an echoing TCP listener.

argv: ENGINE_MODE STOP_FILE FREE. The caller sets the descriptor limit (soft and hard, so
the app cannot raise it). Once listening, descriptors are taken until only FREE are left
(what other tabs, files and clients would hold); then it prints ``PORT n`` and, every
0.2 s, ``TICK`` while the window's loop runs, and each notice the listener gives as
``NOTICE text``. It closes the window when STOP_FILE exists.
"""

import asyncio
import os
import sys
from pathlib import Path

from netbench.app import main
from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.replies.responder import ReplyOptions
from netbench.core.replies.simple import EchoResponder
from netbench.net.event_route import EventRoute
from netbench.net.events import Notice
from netbench.net.fd_budget import fd_limits, open_fd_count
from netbench.net.socket_kinds import BindOptions, SocketAddress
from netbench.net.stream import PeerPolicy
from netbench.net.stream_listener import StreamListener

mode, stop_file, free = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
hogged: list[int] = []


def sink_of(engine):
    def sink(event):
        if isinstance(event, Notice):
            print("NOTICE", event.text, flush=True)
        engine.emit(event)

    return sink


async def start_listener(engine):
    policy = PeerPolicy(
        framing=FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\n"),
        responder=EchoResponder(ReplyOptions(suffix=b"\n")),
    )
    listener = await StreamListener.open(
        SocketAddress(port=0),
        EventRoute(sink_of(engine), gate=engine.gate),
        policy=policy,
        binding=BindOptions(backlog=64),
    )
    engine.own(listener)
    return listener


async def on_ready(window, engine):
    listener = await engine.run(start_listener(engine))
    while open_fd_count() < fd_limits()[0] - free:
        hogged.append(os.open(os.devnull, os.O_RDONLY))
    print("LIMIT", fd_limits()[0], "MAX", listener.max_connections, flush=True)
    print("PORT", listener.address.rsplit(":", 1)[1], flush=True)
    while not stop_file.exists():
        print("TICK", flush=True)
        await asyncio.sleep(0.2)
    for fd in hogged:
        os.close(fd)
    print("REFUSED", listener.refused, flush=True)
    window.close()


sys.exit(main(["--engine", mode], on_ready=on_ready))

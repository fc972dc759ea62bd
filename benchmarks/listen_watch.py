"""Which loopback TCP ports were listening while a scan ran, from the kernel's own table.

Other programs on the machine (test suites, above all) open and close listeners all the
time, so a blocking check before and after a scan cannot say what was true during it. A
separate process reads ``/proc/net/tcp`` and ``/proc/net/tcp6`` every 20 ms while the scan
runs and reports the ports seen listening on 127.0.0.1 (or any address) in *any* snapshot
and in *every* snapshot. An "open" verdict for a port never seen listening, or a "closed"
one for a port listening throughout, is a false result. (A listener that lives less than
20 ms between two snapshots could be missed: the ports flagged are printed, to be judged.)
Linux only: elsewhere nothing is watched and every verdict is taken as it comes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import TracebackType

TABLES = ("/proc/net/tcp", "/proc/net/tcp6")
LOCAL = {"0100007F", "00000000", "00000000000000000000000000000000"}
LOCAL |= {"0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}
LISTEN = "0A"


def listening() -> set[int]:
    ports = set()
    for table in TABLES:
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port = fields[1].split(":")
            if fields[3] == LISTEN and address in LOCAL:
                ports.add(int(port, 16))
    return ports


def watch() -> None:
    """The watching process: snapshots until stdin closes, then the sets as JSON."""
    import selectors

    ever = listening()
    always = set(ever)
    print("ready", flush=True)
    wait = selectors.DefaultSelector()
    wait.register(sys.stdin, selectors.EVENT_READ)
    while not wait.select(0.02):
        now = listening()
        ever |= now
        always &= now
    print(json.dumps({"ever": sorted(ever), "always": sorted(always)}), flush=True)


class ListenWatch:
    """``with ListenWatch() as seen: scan()``; then ``seen.ever`` and ``seen.always``."""

    def __init__(self) -> None:
        self.ever: set[int] = set()
        self.always: set[int] = set()
        self.process: subprocess.Popen[str] | None = None

    def __enter__(self) -> ListenWatch:
        if Path(TABLES[0]).exists():
            self.process = subprocess.Popen(
                [sys.executable, __file__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert self.process.stdout is not None
            assert self.process.stdout.readline().strip() == "ready"
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self.process is None:
            return
        out, _ = self.process.communicate("", timeout=10)
        seen = json.loads(out.strip().splitlines()[-1])
        self.ever, self.always = set(seen["ever"]), set(seen["always"])

    def false_results(self, found: set[int], ports: set[int]) -> set[int]:
        """Ports of ``ports`` whose verdict in ``found`` (the open ones) the kernel denies."""
        if self.process is None:
            return set()
        return ((found - self.ever) | (self.always - found)) & ports


if __name__ == "__main__":
    watch()

"""What the replay row says about a recording and a replay, in words.

"capture.jsonl: 120 messages sent to 3 peers (4.1 KB) · nothing received · 12.40 s long",
the tooltip's peer by peer lines, the plan ("120 messages · 4.1 KB · about 12.40 s") and how
a replay ended. Apart from the panel (replay_panel.py), which is about picking, reading and
running a recording: these are pure functions of a summary or a run, with plural forms and
translations of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from netbench.core.recording.summary import RecordingSummary, Tally
from netbench.core.transcript import Direction
from netbench.net.replay import ReplayRun
from netbench.ui.transcript.model import format_count
from netbench.ui.widgets.sizes import format_size

# Peers listed one by one in the summary's tooltip, per direction.
PEERS_LISTED = 20
# A timeline that slipped less than this is not worth a word.
SLIP_WORTH_SAYING = 0.05
NO_BREAK_SPACE = "\u00a0"
WORD_JOINER = "\u2060"


class ReplayWords(QObject):
    """Sentences about recordings and replays (a QObject for its translation context)."""

    def messages(self, count: int) -> str:
        return counted(count, self.tr("1 message"), self.tr("{count} messages"))

    def peers(self, summary: RecordingSummary, direction: Direction) -> str:
        names = summary.peer_names(direction)
        extra = summary.unnamed[direction].messages
        if len(names) == 1 and not extra:
            return names[0]
        return self.tr("{count} peers").format(count=format_count(len(names)) + ("+" * bool(extra)))

    def summary_parts(self, summary: RecordingSummary) -> list[str]:
        """What a recording holds, a part each: sent, received, notes, how long."""
        parts = []
        for direction, template, nothing in (
            (
                Direction.OUT,
                self.tr("{messages} sent to {peers} ({size})"),
                self.tr("nothing sent"),
            ),
            (
                Direction.IN,
                self.tr("{messages} received from {peers} ({size})"),
                self.tr("nothing received"),
            ),
        ):
            tally = summary.tally(direction)
            parts.append(
                template.format(
                    messages=self.messages(tally.messages),
                    peers=self.peers(summary, direction),
                    size=format_size(tally.nbytes),
                )
                if tally.messages
                else nothing
            )
        if summary.notes:
            parts.append(counted(summary.notes, self.tr("1 note"), self.tr("{count} notes")))
        parts.append(self.tr("{seconds} s long").format(seconds=seconds(summary.span)))
        return parts

    def summary(self, name: str, parts: list[str]) -> str:
        return self.tr("{name}: {summary}").format(name=name, summary=" · ".join(parts))

    def peer_lines(self, summary: RecordingSummary) -> str:
        """Each peer's messages and bytes, a line each, both ways."""
        lines = []
        for direction, template in (
            (Direction.OUT, self.tr("→ {peer}: {messages}, {size}")),
            (Direction.IN, self.tr("← {peer}: {messages}, {size}")),
        ):
            names = summary.peer_names(direction)
            for name in names[:PEERS_LISTED]:
                tally = summary.tally(direction, name)
                lines.append(
                    template.format(
                        peer=name,
                        messages=self.messages(tally.messages),
                        size=format_size(tally.nbytes),
                    )
                )
            hidden = len(names) - PEERS_LISTED + bool(summary.unnamed[direction].messages)
            if hidden > 0:
                lines.append(self.tr("… and more peers"))
        return "\n".join(lines)

    def plan(self, tally: Tally, duration: float | None) -> str:
        """What a replay of ``tally`` sends, and for how long when that is known."""
        text = self.tr("{messages} · {size}").format(
            messages=self.messages(tally.messages), size=format_size(tally.nbytes)
        )
        if duration is not None:
            text += " · " + self.tr("about {seconds} s").format(seconds=seconds(duration))
        return text

    def short_outcome(self, run: ReplayRun, reason: str) -> str:
        """How a replay ended, for the row: done, or where it stopped and why."""
        done, total = format_count(run.sent), format_count(run.total)
        if run.completed:
            return self.tr("Done: {messages} sent in {seconds} s").format(
                messages=self.messages(run.sent), seconds=seconds(run.elapsed)
            )
        if reason:
            return self.tr("Stopped at {done} of {total}: {reason}").format(
                done=done, total=total, reason=reason
            )
        return self.tr("Stopped at {done} of {total}").format(done=done, total=total)

    def outcome(self, run: ReplayRun, reason: str) -> str:
        """How a replay ended, in full, for the transcript."""
        name = run.path.name
        sent = self.tr("sent {messages} / {size} in {seconds} s").format(
            messages=self.messages(run.sent),
            size=format_size(run.bytes_sent),
            seconds=seconds(run.elapsed),
        )
        if run.completed:
            text = self.tr("Replayed {name}: {sent}").format(name=name, sent=sent)
        elif reason:
            template = self.tr("Replay of {name} stopped at {done} of {total}: {reason} · {sent}")
            text = template.format(
                name=name,
                done=format_count(run.sent),
                total=format_count(run.total),
                reason=reason,
                sent=sent,
            )
        else:
            text = self.tr("Replay of {name} stopped at {done} of {total} · {sent}").format(
                name=name, done=format_count(run.sent), total=format_count(run.total), sent=sent
            )
        return text + self._skipped(run)

    def _skipped(self, run: ReplayRun) -> str:
        text = ""
        if run.skipped:
            text += " · " + counted(
                run.skipped,
                self.tr("skipped 1 row of the other direction or another peer"),
                self.tr("skipped {count} rows of the other direction or other peers"),
            )
        if run.notes:
            text += " · " + counted(
                run.notes, self.tr("skipped 1 note"), self.tr("skipped {count} notes")
            )
        if run.slipped >= SLIP_WORTH_SAYING:
            text += " · " + self.tr("{seconds} s behind the recorded timing").format(
                seconds=seconds(run.slipped)
            )
        return text


def counted(count: int, one: str, many: str) -> str:
    """``one`` for a single thing, else ``many`` with its ``{count}`` filled in (1,234)."""
    return one if count == 1 else many.format(count=format_count(count))


def unbreakable(text: str) -> str:
    """``text`` that a label does not wrap: no-break spaces, and word joiners between the
    other characters (Chinese wraps between any two)."""
    return WORD_JOINER.join(text).replace(f"{WORD_JOINER} {WORD_JOINER}", NO_BREAK_SPACE)


def seconds(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"

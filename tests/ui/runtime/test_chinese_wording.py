"""The Chinese translation in one voice: the mechanical rules a reviewer would check by eye.

本端/对端 for the two ends (never 你 or 我方), full-width brackets around Chinese text, and
mnemonics as a (&X) suffix, as Chinese desktop software writes them.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import netbench

TS = Path(netbench.__file__).parent.parent / "resources" / "i18n" / "netbench_zh_CN.ts"
CJK = r"[\u4e00-\u9fff]"
HALF_WIDTH_AROUND_CHINESE = re.compile(rf"\([^()]*{CJK}[^()]*\)")
MNEMONIC = re.compile(r"&(?!&)")


def translations():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            yield message.findtext("source") or "", message.findtext("translation") or ""


def test_the_two_ends_are_always_this_end_and_the_peer():
    mixed = [(s, t) for s, t in translations() if re.search("你|我方|我们", t)]
    assert mixed == []


def test_brackets_around_chinese_text_are_full_width():
    half = [
        (s, t)
        for s, t in translations()
        if HALF_WIDTH_AROUND_CHINESE.search(re.sub(r"\(&\w\)", "", t))
    ]
    assert half == []


def test_mnemonics_are_a_suffix_with_the_same_letter():
    for source, translation in translations():
        if not MNEMONIC.search(source.replace("&&", "")):
            continue
        letter = source.replace("&&", "")[MNEMONIC.search(source.replace("&&", "")).end()]
        if re.search(CJK, translation):
            assert translation.endswith(f"(&{letter.upper()})") or re.search(
                rf"\(&{letter.upper()}\)", translation
            ), (source, translation)


def translated(source: str) -> set[str]:
    return {t for s, t in translations() if s == source}


def test_dismissing_a_message_is_not_closing_a_connection():
    dismiss = {t for s, t in translations() if s.startswith("Dismiss")}
    closing = translated("C&lose") | translated("Close the connection")
    assert dismiss and closing
    assert not any("关闭" in t for t in dismiss), dismiss
    assert translated("Dismiss") == {"收起"}


def test_jargon_is_said_plainly():
    jargon = re.compile("事件循环|时隙|爬坡|线路上")
    assert [(s, t) for s, t in translations() if jargon.search(t)] == []


def test_merged_and_split_notes_name_粘包_and_拆包_and_stay_short():
    def words(template: str) -> str:
        return re.sub(r"\{\w+\}", "", template)

    for source in ("merged: {index} of {count} in one read", "merged: {count} in one read"):
        (note,) = translated(source)
        assert note.startswith("粘包：") and len(words(note)) <= 12, note
    (split,) = translated("split over reads {first}–{last}")
    assert split.startswith("拆包：") and len(words(split)) <= 12, split


def test_units_are_字节_for_bytes_and_条_for_messages_and_replies():
    # "第 3 个字节" (the third byte) is an ordinal and stays; a count is "3 字节".
    byte_count = re.compile(r"(?<![第\d])(?<!第 )(\d+|\{[^{}]+\})\s*个字节")
    message_count = re.compile(r"个(消息|应答|回复)")
    odd = [(s, t) for s, t in translations() if byte_count.search(t) or message_count.search(t)]
    assert odd == []
    assert translated("{size} B") == {"{size} 字节"}  # "49 字节" beside "0 字节", not "49 B"

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

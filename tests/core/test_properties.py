"""Properties of the engine on arbitrary text: it never raises, offsets are true, lines are independent."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.document import Document
from app.core.junk import junk_of
from app.core.outline import heading_of
from app.core.placeholders import find_in_text
from app.core.scan import scan

# Characters that exercise the rules, mixed with anything at all.
RULE_CHARS = "Xx×╳Ｘｘ*年月日度份次人项名个%％ _＿○〇某【】填写名称单位20193.．-—～至到+＋，。、：:；QQ微信群一二三十（）()①"
rule_text = st.text(alphabet=st.sampled_from(RULE_CHARS), max_size=60)
any_text = st.one_of(rule_text, st.text(max_size=60))
lines = st.lists(st.one_of(rule_text, st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=40)),
                 max_size=12)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_scanner_never_raises_and_offsets_point_at_tokens(text: str) -> None:
    for found in find_in_text(text):
        assert text[found.start:found.end] == found.token
        assert found.kind in ("figure", "name", "date", "year", "masked")


@settings(max_examples=200, deadline=None)
@given(lines)
def test_scanning_line_by_line_equals_scanning_the_whole_text(parts: list[str]) -> None:
    whole = "\n".join(parts)
    expected = []
    offset = 0
    for part in parts:
        expected += [(f.start + offset, f.end + offset, f.token, f.kind, f.unit) for f in find_in_text(part)]
        offset += len(part) + 1
    assert [(f.start, f.end, f.token, f.kind, f.unit) for f in find_in_text(whole)] == expected


@settings(max_examples=200, deadline=None)
@given(lines)
def test_whole_scan_never_raises_and_is_consistent(parts: list[str]) -> None:
    report = scan(Document.from_lines(parts))
    assert [p.index for p in report.placeholders] == list(range(1, len(report.placeholders) + 1))
    for p in report.placeholders:
        assert parts[p.block][p.start:p.end] == p.token
    for j in report.junk:
        assert parts[j.block][j.start:j.end] == j.text
    for s in report.outline:
        assert 0 <= s.block < s.end <= len(parts)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_heading_and_junk_never_raise(text: str) -> None:
    heading_of(text)
    heading_of(text, 3)
    for j in junk_of([text]):
        assert text[j.start:j.end] == j.text

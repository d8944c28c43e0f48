"""The candidate-skipping finditer finds exactly what re's own finditer finds, for every rule pattern."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import junk, placeholders, rules
from app.core.fastscan import FastPattern, PatternSet, first_chars

# Characters the rules care about, plus ordinary text around them.
ALPHABET = (rules.MASK_CHARS + rules.YEAR_MASK_CHARS + "0123456789._-—~至到 　\n\t年月日份次人万元%％个项"
            "【】填写名称某○〇_＿仅供学习禁止外传用后删除会员VIPQQq微信群公众号咨询整理本文省略字全未完"
            "httpwww.com@光射线型+×*，。：:（）()abcxyzXP的是工作")

PATTERNS = [("placeholders", placeholders._compiled()[0]), ("urls", placeholders._compiled()[3]),
            *junk._patterns()]


def spans(matches) -> list[tuple[int, int, str]]:  # noqa: ANN001
    return [(m.start(), m.end(), m.group()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_same_matches_as_finditer_on_any_text(text):
    for name, pattern in PATTERNS:
        assert spans(FastPattern(pattern).finditer(text)) == spans(pattern.finditer(text)), name


def test_same_matches_on_report_like_text():
    text = ("20XX年X月X日，召开会议X次，投资xx.xx亿元，详见www.example.com；XX同志、某某、【填写单位名称】、"
            "____%、○○；X光机、6+X、Excel、3×4。仅供学习，禁止外传，加QQ 123456，全文共3000字（未完）")
    for name, pattern in PATTERNS:
        found = spans(FastPattern(pattern).finditer(text))
        assert found == spans(pattern.finditer(text)), name
    assert spans(FastPattern(placeholders._compiled()[0]).finditer(text))


def test_first_characters_of_the_placeholder_rules_are_known():
    first = first_chars(placeholders._compiled()[0])
    assert first is not None
    assert set(rules.MASK_CHARS) <= set(first) and {"2", "【", "某", "_"} <= set(first)


def test_unknowable_first_characters_fall_back_to_finditer():
    for pattern in (re.compile(r"a*"), re.compile(r".b"), re.compile(r"\wc"), re.compile(r"(?i)x")):
        assert first_chars(pattern) is None
        text = "xaab cXb"
        assert spans(FastPattern(pattern).finditer(text)) == spans(pattern.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_a_pattern_set_finds_what_each_pattern_finds(text):
    named = junk._patterns()
    expected = sorted((m.start(), m.end(), name) for name, pattern in named for m in pattern.finditer(text)
                      if m.end() > m.start())
    assert sorted(PatternSet(named).spans(text)) == expected


def test_a_pattern_set_keeps_each_patterns_matches_apart():
    # Overlapping matches of two patterns are both found; one pattern's matches never overlap.
    named = [("ab", re.compile("ab")), ("bc", re.compile("bc")), ("anchored", re.compile("^a")),
             ("aa", re.compile("aa"))]
    assert sorted(PatternSet(named).spans("abcaaa")) == [(0, 1, "anchored"), (0, 2, "ab"), (1, 3, "bc"),
                                                           (3, 5, "aa")]

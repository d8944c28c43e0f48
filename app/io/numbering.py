"""Read a .docx's numbering part (numbering.xml) into ``app.core.numbering.Numbering``, and keep
each list level's paragraph and run properties for the style resolver (app/io/styles.py)."""
from __future__ import annotations

from typing import Any

from app.core.numbering import MAX_LEVELS, Level, ListDef, Numbering
from app.io.ooxml import MC, W
from app.io.styles import paragraph_props, run_props

_SUFFIXES = ("tab", "space", "nothing")
_NONE: dict[str, Any] = {}


def _val(el: Any, name: str = "val") -> str | None:
    return el.get(W + name) if el is not None else None


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class ListLevels:
    """A document's lists and, per (w:numId, w:ilvl), the list level's own paragraph properties
    (indents) and run properties (the label's font). A list is read when a paragraph first asks
    for it (``list_def``): templates define dozens that no paragraph uses. ``numbering`` holds
    the lists read so far, which after a document's paragraphs are read is every list they use."""

    def __init__(self, numbering_el: Any, theme_font: Any = None,
                 style_list: Any = None) -> None:
        self.numbering = Numbering()
        self._theme_font = theme_font
        self._style_list = style_list
        self._ppr: dict[tuple[int, int], dict[str, Any]] = {}
        self._rpr: dict[tuple[int, int], dict[str, Any]] = {}
        self._abstracts: dict[str, Any] = {}
        self._nums: dict[int, Any] = {}
        self._missing: set[int] = set()
        if numbering_el is None:
            return
        for abstract in numbering_el.iterfind(W + "abstractNum"):
            aid = abstract.get(W + "abstractNumId")
            if aid is not None:
                self._abstracts.setdefault(aid, abstract)
        for num in numbering_el.iterfind(W + "num"):
            nid = _int(num.get(W + "numId"))
            if nid is not None and nid not in self._nums:
                self._nums[nid] = num

    def list_def(self, nid: int) -> ListDef | None:
        """List ``nid`` (read on first use); None when the file does not define it."""
        found = self.numbering.lists.get(nid)
        if found is not None or nid in self._missing:
            return found
        found = self._read(nid)
        if found is None:
            self._missing.add(nid)
        else:
            self.numbering.lists[nid] = found
        return found

    def _read(self, nid: int) -> ListDef | None:
        num = self._nums.get(nid)
        if num is None:
            return None
        abstracts = self._abstracts
        aid = _val(num.find(W + "abstractNumId"))
        abstract = self._linked(abstracts.get(aid or ""), abstracts, self._nums, self._style_list)
        if abstract is None:
            return None
        lvl_els: dict[int, Any] = {}
        for lvl in abstract.iterfind(W + "lvl"):
            ilvl = _int(lvl.get(W + "ilvl"), 0)
            if ilvl is not None and 0 <= ilvl < MAX_LEVELS:
                lvl_els.setdefault(ilvl, lvl)
        overrides: dict[int, int] = {}
        for override in num.iterfind(W + "lvlOverride"):
            ilvl = _int(override.get(W + "ilvl"))
            if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                continue
            start = _int(_val(override.find(W + "startOverride")))
            if start is not None:
                overrides[ilvl] = start
            replaced = override.find(W + "lvl")
            if replaced is not None:
                lvl_els[ilvl] = replaced
                if start is None and replaced.find(W + "start") is not None:
                    overrides[ilvl] = _int(_val(replaced.find(W + "start")), 1) or 0
        levels = []
        for ilvl in range(MAX_LEVELS):
            lvl = lvl_els.get(ilvl)
            level = _level(lvl)
            if ilvl in overrides:
                level = Level(overrides[ilvl], level.num_fmt, level.text, level.restart, level.legal, level.suffix)
            levels.append(level)
            if lvl is not None:
                self._ppr[(nid, ilvl)] = paragraph_props(lvl.find(W + "pPr"))
                self._rpr[(nid, ilvl)] = run_props(lvl.find(W + "rPr"), self._theme_font)
        # Lists on one abstract definition count together, as in Word.
        return ListDef(tuple(levels), f"abstract:{abstract.get(W + 'abstractNumId')}", overrides)

    @staticmethod
    def _linked(abstract: Any, abstracts: dict[str, Any], nums: dict[int, Any], style_list: Any) -> Any:
        """An abstract definition that only points at a numbering style (w:numStyleLink) takes
        the definition that style's list uses."""
        seen = set()
        while abstract is not None and style_list is not None:
            link = _val(abstract.find(W + "numStyleLink"))
            if not link or link in seen:
                break
            seen.add(link)
            ref = style_list(link)
            num = nums.get(ref.num_id) if ref is not None else None
            target = abstracts.get(_val(num.find(W + "abstractNumId")) or "") if num is not None else None
            if target is None:
                break
            abstract = target
        return abstract

    def paragraph_props(self, num_id: int, ilvl: int) -> dict[str, Any]:
        return self._ppr.get((num_id, ilvl), _NONE)

    def run_props(self, num_id: int, ilvl: int) -> dict[str, Any]:
        return self._rpr.get((num_id, ilvl), _NONE)


# Word 2010's custom number formats (w:format) that ``app.core.numbering`` shows.
_CUSTOM_FORMATS = {"001, 002, 003, ...": "decimalZero3", "0001, 0002, 0003, ...": "decimalZero4",
                   "00001, 00002, 00003, ...": "decimalZero5", "α, β, γ, ...": "greekLower", "Α, Β, Γ, ...": "greekUpper"}


def _number_format(lvl: Any) -> str:
    """A level's w:numFmt; a custom format (inside mc:AlternateContent, for Word 2010 and later)
    where it is one we show, else the fallback the file gives older readers."""
    fmt = lvl.find(W + "numFmt")
    if fmt is not None:
        return _val(fmt) or "decimal"
    alternate = lvl.find(MC + "AlternateContent")
    if alternate is None:
        return "decimal"
    for branch in alternate:
        found = branch.find(W + "numFmt")
        if found is None:
            continue
        value = _val(found) or "decimal"
        if value != "custom":
            return value
        custom = _CUSTOM_FORMATS.get((_val(found, "format") or "").strip())
        if custom:
            return custom
    return "decimal"


def _level(lvl: Any) -> Level:
    if lvl is None:
        return Level(num_fmt="none", text="")
    fmt = _number_format(lvl)
    text_el = lvl.find(W + "lvlText")
    # No w:lvlText: Word shows no label; w:lvlText w:val="" likewise.
    text = _val(text_el) if text_el is not None else ""
    restart_el = lvl.find(W + "lvlRestart")
    suffix = _val(lvl.find(W + "suff")) or "tab"
    legal = lvl.find(W + "isLgl")
    return Level(
        start=_int(_val(lvl.find(W + "start")), 1) if lvl.find(W + "start") is not None else (
            0 if fmt == "decimalZero" else 1),
        num_fmt=fmt,
        text=text or "",
        restart=_int(_val(restart_el)) if restart_el is not None else None,
        legal=legal is not None and _val(legal) not in ("0", "false", "off"),
        suffix=suffix if suffix in _SUFFIXES else "tab",
    )


__all__ = ["ListLevels"]

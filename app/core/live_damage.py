"""Damage hints kept beside the editor's document (app.core.damage): each paragraph's shape is kept
per block number and worked out again only for the paragraphs a snapshot read again; the
document-level pass over the shapes (``damage_in``, about a millisecond at 1,500 pages) runs after
each refresh."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from app.core.damage import TEXT, damage_in, shape_of
from app.core.live_scan import lazy_texts
from app.core.offsets import OBJECT

if TYPE_CHECKING:
    from app.core.block_scan import BlockState
    from app.core.hints import Hint
    from app.core.live_scan import Snapshot


def _shape(data: BlockState) -> int:
    if data.phantom and not data.text:
        return TEXT  # an empty paragraph Qt keeps around a table: no part of the document
    text = data.text or ""
    return shape_of(text, data.in_cell, OBJECT in text)


class DamageWatch:
    def __init__(self) -> None:
        self._shapes: list[int] = []
        self._serial = -1

    def hints(self, snapshot: Snapshot, line_of: Callable[[int], int]) -> list[Hint]:
        """The damage hints after ``snapshot``, counted in paragraphs in export order."""
        datas = snapshot.datas
        edit = snapshot.edit
        if snapshot.serial != self._serial:
            if edit is not None and snapshot.base == self._serial and len(self._shapes) + edit.shift == len(datas):
                self._shapes[edit.first:edit.old_last + 1] = [_shape(d) for d in datas[edit.first:edit.last + 1]]
            else:
                self._shapes = [_shape(d) for d in datas]
            self._serial = snapshot.serial
        out = []
        for hint in damage_in(self._shapes, lazy_texts(datas)):
            line = line_of(hint.block)
            if line < 0:
                continue
            last = line_of(hint.last_block) if hint.last_block is not None else None
            out.append(replace(hint, block=line, last_block=last))
        return out


__all__ = ["DamageWatch"]

"""The garbage collector around start-up and long reports: paused while what stays is made,
and what stays set aside from its full passes, which otherwise walk it again and again."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_start_up_aside = False


@contextmanager
def no_collection_while_loading() -> Iterator[None]:
    """The collector paused while the window's modules load: what they make (modules, classes,
    Qt's enum classes) all stays, so its passes over them would find nothing (a few ms at start)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_engine() -> None:
    """The window's engine side (MainWindow.finish_start), loaded with the collector paused."""
    with no_collection_while_loading():
        import app.core.live_counts  # noqa: F401
        import app.ui.operations  # noqa: F401
        import app.ui.report_document  # noqa: F401


def set_start_up_aside() -> None:
    """Once per process, when the first window has its engine side: what start-up made (modules,
    classes, Qt's enum classes, the window) stays for the program's life, so it is set aside from
    the collector, whose full passes then walk only what came later (a pass over all of it costs
    ~6 ms, enough to show in the time to open a short report). No collection first: a process
    that has just started has next to no garbage, and a full pass here would delay the window."""
    global _start_up_aside
    if not _start_up_aside:
        _start_up_aside = True
        gc.freeze()


def settle_heap() -> None:
    """Set the objects alive now (the open report: some 250,000 at 1,500 pages) aside from the
    garbage collector's full passes, which otherwise walked them all every few refreshes and held
    up typing and the sidebar for 100 ms at a time; and let the collector run again (paused while
    the report was read, see DocumentSession.open_path). Objects set aside still go when nothing
    refers to them; the previous report's, which hold cycles, go in the collection first made here."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    gc.enable()

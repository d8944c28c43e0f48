"""Measurements that need a process of their own, run as ``python -m tests.bench.probes NAME ...``.

Each probe prints one JSON object on its last line of stdout. Imports are deferred into each probe,
so a cold start pays only for what it measures (this module itself imports nothing heavy).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _emit(result: dict) -> None:
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Read from VmHWM, which starts afresh at exec;
    getrusage's ru_maxrss would carry over the parent's peak on Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _first_paint(on_paint) -> object:  # noqa: ANN001
    """Calls ``on_paint`` once, at the first paint event of any widget (the first painted frame)."""
    from PySide6.QtCore import QEvent, QObject

    class Filter(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802, ANN001 - Qt override
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                on_paint()
            return False

    watcher = Filter()
    from PySide6.QtWidgets import QApplication

    QApplication.instance().installEventFilter(watcher)
    return watcher


# --- cold start -----------------------------------------------------------------------------

def _first_window_paint(on_painted) -> object:  # noqa: ANN001
    """Calls ``on_painted`` once the first main window shown has painted (its first paint event,
    then the rest of that frame: its children paint in the same pass). The watcher sits on that
    window alone, in the bare window and the app alike: one watching every object of the app
    would run Python for each of the app's ~2,000 start-up events and count that against it."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class Filter(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802, ANN001 - Qt override
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, on_painted)
            return False

    watcher = Filter()
    show = QMainWindow.show

    def watched_show(window) -> None:  # noqa: ANN001
        window.installEventFilter(watcher)
        QMainWindow.show = show
        show(window)

    QMainWindow.show = watched_show
    return watcher


def cold_bare(started: str) -> None:
    """A bare PySide6 QMainWindow: import, QApplication, show, first paint."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    qapp = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    _run_to_first_paint(qapp, started, lambda: window.show())  # looked up after the watch is set


def cold_floor(started: str) -> None:
    """What any PySide6 window showing the app's visible parts costs, without the app's code: the
    Qt namespace, menus with items, a toolbar with a font box, a text page, a tree, a fill box and
    two lists, a status bar with text (the floor under the app's first frame)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QStandardItemModel
    from PySide6.QtWidgets import (QApplication, QComboBox, QLabel, QLineEdit, QListView, QMainWindow, QSplitter,
                                   QTextEdit, QTreeView, QVBoxLayout, QWidget)

    qapp = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    panes = QSplitter(Qt.Orientation.Horizontal)
    tree = QTreeView()
    tree.setModel(QStandardItemModel(tree))
    side = QWidget()
    layout = QVBoxLayout(side)
    for widget in (QLabel("全部填写"), QLineEdit(), QListView(), QLabel("提示"), QListView()):
        layout.addWidget(widget)
    for pane in (tree, QTextEdit(), side):
        panes.addWidget(pane)
    window.setCentralWidget(panes)
    for title in ("文件", "编辑", "格式", "视图", "帮助"):
        menu = window.menuBar().addMenu(title)
        for n in range(8):
            menu.addAction(QAction(f"{title}{n}", window))
    bar = window.addToolBar("main")
    fonts = QComboBox()
    fonts.addItems(["仿宋_GB2312", "楷体", "黑体", "宋体"])
    bar.addWidget(fonts)
    for text in ("打开", "保存", "撤销", "重做", "B", "I", "U", "左", "中", "右", "上一处", "下一处"):
        bar.addAction(QAction(text, window))
    for text in ("0 字", "全部填写", "已保存"):
        window.statusBar().addPermanentWidget(QLabel(text))
    _run_to_first_paint(qapp, started, lambda: window.show())  # looked up after the watch is set


def cold_app(started: str) -> None:
    """The app's window, the way launching it builds one (create_main_window), to first paint."""
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv[:1])
    from app.ui import create_main_window

    windows = []
    _run_to_first_paint(qapp, started, lambda: windows.append(create_main_window(None)))


def _run_to_first_paint(qapp, started: str, show) -> None:  # noqa: ANN001
    """Show the window (``show``), report the time from ``started`` (the probe's launch) to its
    first painted frame, and quit."""
    from PySide6.QtCore import QTimer

    def painted() -> None:
        _emit({"seconds": time.monotonic() - float(started), "rss_mb": _peak_rss_mb()})
        QTimer.singleShot(0, qapp.quit)

    keep = _first_window_paint(painted)  # noqa: F841 - kept alive until exec returns
    show()
    qapp.exec()


# --- engine --------------------------------------------------------------------------------

def memory_engine(path: str) -> None:
    """Peak memory of opening a file the way the app does (load + scan), without Qt."""
    from app.core.scan import scan
    from app.io.load import load

    report = scan(load(path))
    _emit({"rss_mb": _peak_rss_mb(), "placeholders": len(report.placeholders)})


def memory_docx(path: str) -> None:
    """Peak memory of python-docx loading the file and reading every paragraph's text."""
    from tests.bench.baselines import docx_read_all

    chars = docx_read_all(path)
    _emit({"rss_mb": _peak_rss_mb(), "chars": chars})


# --- windows -------------------------------------------------------------------------------

def _wait(qapp, condition, timeout: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        qapp.processEvents()
        if condition():
            return True
        time.sleep(0.0005)
    return False


def _wait_idle(qapp, quiet: float = 0.3, timeout: float = 20) -> None:  # noqa: ANN001
    """Until the window has had nothing to do for ``quiet`` seconds: Qt lays a long document out in
    the background after it shows (steps of up to 200,000 characters, ~45 ms each at 1,500 pages),
    and the app reads a long report's hints after it shows. Keystrokes are timed after that, in
    both windows: what typing costs, not what opening left to do (timed apart, right after opening)."""
    deadline = time.monotonic() + timeout
    calm_since = time.monotonic()
    while time.monotonic() < deadline:
        started = time.monotonic()
        qapp.processEvents()
        if time.monotonic() - started > 0.005:
            calm_since = time.monotonic()
        elif time.monotonic() - calm_since >= quiet:
            return
        time.sleep(0.001)


def bare_open(path: str, keys: str = "0", interval_ms: str = "120") -> None:
    """The floor for opening: python-docx load and read plus a bare window showing that text;
    then the floor for typing: the same keystrokes into that bare QTextEdit."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit

    from tests.bench.baselines import docx_texts

    qapp = QApplication(sys.argv[:1])
    painted: list[float] = []
    keep = _first_paint(lambda: painted.append(time.monotonic()))  # noqa: F841
    start = time.monotonic()
    text = "\n".join(docx_texts(path))
    window = QMainWindow()
    editor = QTextEdit()
    editor.setPlainText(text)
    window.setCentralWidget(editor)
    window.resize(1280, 800)
    window.show()
    ok = _wait(qapp, lambda: bool(painted), 120)
    result = {"seconds": (painted[0] - start) if ok else None}
    if int(keys):
        _place_cursor(qapp, window, editor)
        result["first_keys"] = _typing(qapp, editor, 3, float(interval_ms) / 1000)
        _wait_idle(qapp)
        result["keys"] = _typing(qapp, editor, int(keys), float(interval_ms) / 1000)
    result["rss_mb"] = _peak_rss_mb()
    _emit(result)
    os._exit(0)


class _Models:
    """Watches the outline and placeholder models: when each last changed, and what they hold."""

    def __init__(self, outline, placeholders) -> None:  # noqa: ANN001
        self.outline_view = outline
        self.placeholder_view = placeholders
        self.outline_changed = 0.0
        self.placeholders_changed = 0.0
        self._hooked: list = []
        self._counted_at = 0.0
        self._count = 0
        self._rehook()

    def _rehook(self) -> None:
        """A view may be given a new model when a document opens: watch that one instead."""
        for view, name in ((self.outline_view, "outline_changed"), (self.placeholder_view, "placeholders_changed")):
            model = view.model()
            if model is None or model in self._hooked:
                continue
            self._hooked.append(model)
            setattr(self, name, time.monotonic())

            def touch(*_args, _name=name) -> None:  # noqa: ANN002
                setattr(self, _name, time.monotonic())

            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged,
                           model.layoutChanged, model.rowsMoved):
                signal.connect(touch)

    def leaves(self) -> int:
        """Leaf rows of the placeholder list, recounted only after the model said it changed
        (counting ten thousand rows on every poll would steal time from the app under test)."""
        self._rehook()
        if self._counted_at and self._counted_at > self.placeholders_changed:
            return self._count
        self._counted_at = time.monotonic()
        self._count = self._count_leaves()
        return self._count

    def _count_leaves(self) -> int:
        model = self.placeholder_view.model()
        count = 0
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        while stack:
            index = stack.pop()
            n = model.rowCount(index)
            if n == 0:
                count += 1
            else:
                stack.extend(model.index(r, 0, index) for r in range(n))
        return count

    def first_leaf(self):  # noqa: ANN201
        model = self.placeholder_view.model()
        index = model.index(0, 0)
        while index.isValid() and model.rowCount(index):
            index = model.index(0, 0, index)
        return index

    def outline_rows(self) -> int:
        self._rehook()
        return self.outline_view.model().rowCount()

    def outline_has(self, text: str) -> bool:
        from PySide6.QtCore import Qt

        model = self.outline_view.model()
        start = model.index(0, 0)
        if not start.isValid():
            return False
        flags = Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
        return bool(model.match(start, Qt.ItemDataRole.DisplayRole, text, 1, flags))


def _percentiles(samples: list[float]) -> dict:
    from tests.bench.stats import percentile

    return {f"p{q}": percentile(samples, q) for q in (50, 95, 99)} | {"n": len(samples), "max": max(samples)}


def _type_ime(editor, text: str) -> None:  # noqa: ANN001
    """Chinese arrives from an input method as a committed string, not as key presses."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)


def _type_key(editor, char: str) -> None:  # noqa: ANN001
    from PySide6.QtTest import QTest

    QTest.keyClick(editor, char)


def _place_cursor(qapp, window, editor) -> None:  # noqa: ANN001
    """The cursor between two sentences of a body paragraph near the middle of the document."""
    document = editor.document()
    block = document.findBlockByNumber(document.blockCount() // 2)
    while block.isValid() and (len(block.text()) < 80 or "。" not in block.text()[:-1]
                               or block.text()[:1] in "（0123456789一二三四五六七八九十"):
        block = block.next()
    cursor = editor.textCursor()
    cursor.setPosition(block.position() + block.text().index("。") + 1)
    editor.setTextCursor(cursor)
    editor.setFocus()
    window.activateWindow()
    qapp.processEvents()


# What is typed: Chinese through the input method, figures as key presses.
TYPED = ["工作", "1", "2", "项", "，", "进展", "顺利", "。", "推进", "3", "0", "件", "。"]


def _typing(qapp, editor, keys: int, interval: float) -> list[float]:  # noqa: ANN001
    """Keystrokes at a fast typist's pace. Each one's latency runs from when it was due to when
    its events (and anything they queued at once) were processed, so work done between keys
    that makes the next one wait counts against the next one."""
    latencies: list[float] = []
    due = time.monotonic() + interval
    for i in range(keys):
        item = TYPED[i % len(TYPED)]
        while time.monotonic() < due:
            qapp.processEvents()
            time.sleep(0.001)
        if item.isascii():
            _type_key(editor, item)
        else:
            _type_ime(editor, item)
        qapp.processEvents()
        latencies.append(time.monotonic() - due)
        due += interval
    return latencies


def window(path: str, expected: str, keys: str, interval_ms: str) -> None:
    """One run in the real window: open to outline and sidebar ready, keystrokes at a typist's
    pace, the sidebar and outline catching up after a pause, one fill from the sidebar."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTextEdit, QWidget

    qapp = QApplication(sys.argv[:1])
    try:
        from app.ui import create_main_window
        import app.ui.main_window  # noqa: F401 - fails clearly when the window is not written yet
    except Exception as exc:  # noqa: BLE001 - reported as "not available"
        _emit({"error": f"window not available: {type(exc).__name__}: {exc}"})
        return
    expected_count = int(expected)
    result: dict = {}
    painted: list[float] = []
    keep = _first_paint(lambda: painted.append(time.monotonic()))  # noqa: F841

    start = time.monotonic()
    win = create_main_window(path)
    created = time.monotonic()
    outline = win.findChild(QAbstractItemView, "outlineTree")
    plist = win.findChild(QAbstractItemView, "placeholderList")
    editor = win.findChild(QTextEdit, "editor")
    panel = win.findChild(QWidget, "placeholderPanel")
    if outline is None or plist is None or editor is None:
        _emit({"error": "window lacks outlineTree, placeholderList or editor"})
        return
    models = _Models(outline, plist)

    def is_ready() -> bool:
        if not painted or models.outline_rows() == 0:
            return False
        listed = models.leaves()
        if listed == expected_count:
            return True
        # A sidebar that settles on another count (it may leave out some kinds) is ready too,
        # once its model has been still for a few seconds; the mismatch is reported.
        return listed > 0 and time.monotonic() - models.placeholders_changed > 3

    ready = _wait(qapp, is_ready, 180)
    result["listed"] = models.leaves()
    if result["listed"] != expected_count:
        result["listed_mismatch"] = f"sidebar lists {result['listed']} of {expected_count} placeholders"
    if not ready:
        _emit({"error": f"not ready after 180 s: {models.leaves()} of {expected_count} placeholders listed",
               "create_s": created - start})
        return
    # The moment the lists were last filled, not the moment this probe noticed.
    done = max(painted[0], models.outline_changed, models.placeholders_changed, created)
    result["open_s"] = done - start
    result["create_s"] = created - start

    # File > Open is timed in an idle window, as a person opens a file (the file dialog alone takes
    # seconds): right after opening, Qt is still laying the first report out in the background.
    _wait_idle(qapp)
    result["reopen_s"] = _reopen(qapp, win, editor, models, path)
    _place_cursor(qapp, win, editor)
    result["first_keys"] = _typing(qapp, editor, 3, float(interval_ms) / 1000)
    _wait_idle(qapp)
    result["keys"] = _typing(qapp, editor, int(keys), float(interval_ms) / 1000)
    document = editor.document()
    interval = float(interval_ms) / 1000

    def catch_up(condition, attr: str, last_key: float) -> float | None:  # noqa: ANN001
        if not _wait(qapp, condition, 30):
            return None
        return max(getattr(models, attr), last_key) - last_key

    def new_placeholder_listed() -> float | None:
        """Types a sentence with a placeholder at a typist's pace: how long until the sidebar lists it."""
        before = models.leaves()
        for item in ("共", "X", "次", "。"):
            _wait(qapp, lambda: False, interval)
            _type_ime(editor, item) if not item.isascii() else _type_key(editor, item)
            qapp.processEvents()
        return catch_up(lambda: models.leaves() == before + 1, "placeholders_changed", time.monotonic())

    # A new placeholder typed into the body: the sidebar lists it after the pause.
    result["catch_up_placeholders_s"] = new_placeholder_listed()

    # A heading renamed: the outline shows the new title after the pause.
    heading = document.begin()
    while heading.isValid() and not heading.text().startswith("（二）"):
        heading = heading.next()
    if heading.isValid():
        cursor = editor.textCursor()
        cursor.setPosition(heading.position() + len("（二）"))
        editor.setTextCursor(cursor)
        qapp.processEvents()
        _wait(qapp, lambda: False, interval)
        _type_ime(editor, "甲乙")
        qapp.processEvents()
        last_key = time.monotonic()
        result["catch_up_outline_s"] = catch_up(lambda: models.outline_has("甲乙"), "outline_changed", last_key)

    # A new paragraph in the body (Enter, then a sentence with a placeholder): every block number
    # below moves, and the sidebar lists the new placeholder after the pause.
    _place_cursor(qapp, win, editor)
    _wait(qapp, lambda: False, interval)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    result["catch_up_paragraph_s"] = new_placeholder_listed()

    # Fill the first listed placeholder from the sidebar's fill box: Enter fills it.
    boxes = panel.findChildren(QLineEdit) if panel is not None else []
    box = next((b for b in boxes if b.isVisible() and b.isEnabled()), boxes[0] if boxes else None)
    if box is None:
        result["fill_error"] = "no fill box (QLineEdit) in placeholderPanel"
    else:
        _wait(qapp, lambda: False, 0.3)
        leaf = models.first_leaf()
        plist.setCurrentIndex(leaf)
        plist.scrollTo(leaf)
        rect = plist.visualRect(leaf)
        QTest.mouseClick(plist.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
        qapp.processEvents()
        box.setFocus()
        box.setText("")
        QTest.keyClicks(box, "987")
        qapp.processEvents()
        before = models.leaves()
        start = time.monotonic()
        QTest.keyClick(box, Qt.Key.Key_Return)
        qapp.processEvents()
        pressed = time.monotonic()
        if _wait(qapp, lambda: models.leaves() == before - 1, 30):
            result["fill_s"] = max(pressed, models.placeholders_changed) - start
            result["fill_in_text"] = "987" in editor.toPlainText()
        else:
            result["fill_error"] = f"list still has {models.leaves()} of {before} after Enter"
    result["rss_mb"] = _peak_rss_mb()
    _emit(result)
    # Closing would ask whether to keep the edits: leave without tearing down.
    os._exit(0)


def _reopen(qapp, win, editor, models: _Models, path: str) -> float | None:  # noqa: ANN001
    """Opening the report (a copy of it) in the window already running, as File > Open does: from
    the call to the report painted with its outline and sidebar filled."""
    import shutil
    import tempfile

    from PySide6.QtCore import QEvent, QObject

    copy = Path(tempfile.mkdtemp(prefix="tianbao-bench-")) / Path(path).name
    shutil.copy(path, copy)
    painted: list[float] = []

    class Filter(QObject):
        def eventFilter(self, obj, event):  # noqa: N802, ANN001 - Qt override
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.monotonic())
            return False

    watcher = Filter()
    editor.viewport().installEventFilter(watcher)
    start = time.monotonic()
    if not win.open_path(str(copy)):
        return None
    opened = time.monotonic()
    if not _wait(qapp, lambda: bool(painted) and painted[0] >= opened, 60):
        return None
    editor.viewport().removeEventFilter(watcher)
    return max(painted[0], models.outline_changed, models.placeholders_changed) - start


PROBES = {
    "cold_bare": cold_bare,
    "cold_floor": cold_floor,
    "cold_app": cold_app,
    "memory_engine": memory_engine,
    "memory_docx": memory_docx,
    "bare_open": bare_open,
    "window": window,
}

if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])

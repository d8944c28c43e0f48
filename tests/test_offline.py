"""Offline by construction: every command and the window run in a subprocess where opening a
network socket fails and is recorded, at three levels:

* Python: socket.socket for internet families, create_connection and name lookups raise, and an
  audit hook records every socket, connect and lookup event, whoever makes it;
* Qt: the QtNetwork classes that reach the network are replaced by ones that raise and record;
* the kernel (where strace works): no AF_INET/AF_INET6 socket() or connect() system call at all.

The guard first proves itself on a script that does try to connect.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

GUARD = textwrap.dedent(r'''
    import json, os, socket, sys, traceback
    LOG = sys.argv[1]

    def record(event, detail):
        stack = "".join(traceback.format_stack(limit=8)[:-2])
        with open(LOG, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"event": event, "detail": repr(detail), "stack": stack}) + "\n")

    LOCAL = {getattr(socket, "AF_UNIX", None)}

    def audit(event, args):
        if event == "socket.__new__":
            family = args[1] if len(args) > 1 else None
            if family not in LOCAL:
                record(event, args[1:])
        elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.getaddrinfo",
                       "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo",
                       "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect"):
            record(event, args[1:] if event.startswith("socket.") else args)

    sys.addaudithook(audit)

    class NoNetworkSocket(socket.socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family in (socket.AF_INET, socket.AF_INET6, -1):
                record("blocked socket", (family, type))
                raise OSError("network disabled by the offline test")
            super().__init__(family, type, proto, fileno)

    def refuse(name):
        def blocked(*args, **kwargs):
            record("blocked " + name, args)
            raise OSError("network disabled by the offline test")
        return blocked

    socket.socket = NoNetworkSocket
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        setattr(socket, name, refuse(name))

    if os.environ.get("OFFLINE_GUARD_QT"):
        import PySide6.QtNetwork as qn
        for name in ("QNetworkAccessManager", "QTcpSocket", "QUdpSocket", "QSslSocket", "QHostInfo",
                     "QAbstractSocket", "QDnsLookup", "QNetworkInformation", "QTcpServer"):
            if hasattr(qn, name):
                setattr(qn, name, refuse("Qt " + name))

    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"event": "guard installed"}) + "\n")
    target = sys.argv[2]
    sys.argv = [target] + sys.argv[3:]
    import runpy
    if target.endswith(".py"):
        runpy.run_path(target, run_name="__main__")
    else:
        runpy.run_module(target, run_name="__main__", alter_sys=True)
''')


def guarded(tmp_path: Path, target: str, *args: str, qt: bool = False, timeout: float = 180) \
        -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    log = tmp_path / f"net-{len(list(tmp_path.glob('net-*.log')))}.log"
    env = dict(os.environ, PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
    if qt:
        env["OFFLINE_GUARD_QT"] = "1"
    done = subprocess.run([sys.executable, "-c", GUARD, str(log), target, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    assert events and events[0]["event"] == "guard installed", (done.stdout, done.stderr)
    return done, events[1:]


def test_guard_catches_a_program_that_connects(tmp_path: Path) -> None:
    script = tmp_path / "connects.py"
    script.write_text(textwrap.dedent("""
        import urllib.request
        try:
            urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
        except OSError as exc:
            print("refused:", exc)
    """), encoding="utf-8")
    done, events = guarded(tmp_path, str(script))
    assert "network disabled" in done.stdout
    assert {"urllib.Request", "blocked create_connection"} <= {e["event"] for e in events}


REPORT = (
    "二〇二五年度工作总结\n"
    "一、主要工作\n"
    "（一）抓好学习。全年组织集中学习X次，撰写心得XX篇。\n"
    "（二）推进项目。完成投资xx.xx亿元，走访企业X家。\n"
    "三、下步打算\n"
    "仅供学习交流，禁止外传\n"
    "持续改进作风。\n"
)


def test_every_command_runs_offline(tmp_path: Path) -> None:
    from app.cli import COMMANDS, _load_commands

    _load_commands()
    source = tmp_path / "工作 总结.txt"
    source.write_text(REPORT, encoding="utf-8")
    docx = tmp_path / "转换 后.docx"
    runs = {
        "scan": [["scan", str(source)], ["scan", str(source), "--json"]],
        "convert": [["convert", str(source), str(docx)],
                    ["convert", "--official", str(docx), str(tmp_path / "公文.docx")]],
        "fill": [["fill", "--set", "1=12", str(source), str(tmp_path / "已填.docx")]],
        "clean": [["clean", "--dry-run", "--json", str(source), str(tmp_path / "x.txt")],
                  ["clean", str(source), str(tmp_path / "干净.txt")]],
        "renumber": [["renumber", str(source), str(tmp_path / "重编.txt")]],
        "count": [["count", str(source)], ["count", "--target", "3000", "--json", str(source)]],
    }
    ran = []
    for name in COMMANDS:
        # A command this test does not know yet still runs: on the report, and with --help.
        known = name in runs
        for args in runs.get(name, [[name, str(source)], [name, "--help"]]):
            done, events = guarded(tmp_path, "app", *args)
            assert done.returncode in ((0, 1) if known else (0, 1, 2)), (args, done.stderr)
            assert "Traceback" not in done.stderr
            assert events == [], (args, events)
            ran.append(name)
        if name == "convert":
            done, events = guarded(tmp_path, "app", "scan", str(docx))
            assert done.returncode in (0, 1) and events == [], (done.stderr, events)
    for args in (["--help"], ["--version"], ["scan", str(tmp_path / "缺失.docx")]):
        done, events = guarded(tmp_path, "app", *args)
        assert events == [], (args, events)
    assert set(ran) == set(COMMANDS)
    assert docx.exists() and (tmp_path / "已填.docx").exists() and (tmp_path / "干净.txt").exists()


def _window_available() -> str | None:
    try:
        import app.ui.main_window  # noqa: F401
    except ImportError as exc:
        return f"the window (app.ui.main_window) is not importable yet: {exc}"
    return None


def test_window_runs_offline(tmp_path: Path) -> None:
    reason = _window_available()
    if reason:
        pytest.skip(reason)
    source = tmp_path / "述职 报告.txt"
    source.write_text(REPORT, encoding="utf-8")
    shot = tmp_path / "窗口.png"
    done, events = guarded(tmp_path, "app", str(source), "--screenshot", str(shot), qt=True)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert events == [], events
    assert shot.exists() and shot.stat().st_size > 1000


def _strace_works(tmp_path: Path) -> str | None:
    strace = shutil.which("strace")
    if strace is None:
        return "strace is not installed (apt-get install strace) so the kernel-level check cannot run"
    probe = subprocess.run([strace, "-f", "-qq", "-e", "trace=socket", "-o", str(tmp_path / "probe.log"),
                            sys.executable, "-c", "import socket; socket.socket().close()"],
                           capture_output=True, text=True, timeout=60)
    if probe.returncode != 0 or "AF_INET" not in (tmp_path / "probe.log").read_text(errors="replace"):
        return f"strace cannot trace here (ptrace not permitted?): {probe.stderr.strip()[:200]}"
    return None


def test_no_internet_socket_system_calls(tmp_path: Path) -> None:
    reason = _strace_works(tmp_path)
    if reason:
        pytest.skip(reason)
    source = tmp_path / "报告.txt"
    source.write_text(REPORT, encoding="utf-8")
    runs = [["scan", str(source)], ["convert", str(source), str(tmp_path / "a.docx")],
            ["convert", "--official", str(tmp_path / "a.docx"), str(tmp_path / "b.docx")]]
    if _window_available() is None:
        runs.append([str(source), "--screenshot", str(tmp_path / "w.png")])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    for i, args in enumerate(runs):
        trace = tmp_path / f"trace{i}.log"
        done = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace),
                               sys.executable, "-m", "app", *args],
                              cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=180)
        assert done.returncode in (0, 1), (args, done.stderr)
        calls = trace.read_text(errors="replace").splitlines()
        internet = [c for c in calls if "AF_INET" in c or "sin_port" in c or "sin6_port" in c]
        assert internet == [], (args, internet)


# Modules and Qt classes that reach the network. QtNetwork's local sockets (QLocalServer,
# QLocalSocket: one window per document) are not networking and stay allowed.
NETWORK_MODULES = {"urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "poplib", "imaplib",
                   "ssl", "xmlrpc", "webbrowser", "telnetlib", "socketserver", "PySide6.QtWebEngineCore",
                   "PySide6.QtWebEngineWidgets"}
NETWORK_QT_NAMES = {"QNetworkAccessManager", "QNetworkRequest", "QTcpSocket", "QUdpSocket", "QSslSocket",
                    "QHostInfo", "QTcpServer", "QDnsLookup", "QWebEngineView"}
# socket.gethostname() names this computer in lock files; nothing else of socket is used.
SOCKET_USES_ALLOWED = {"gethostname"}


def network_uses(source: str, where: str) -> list[str]:
    import ast

    problems = []
    for node in ast.walk(ast.parse(source, where)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            names = []
        for name in names:
            if name.split(".")[0] in NETWORK_MODULES or name in NETWORK_MODULES \
                    or name.rsplit(".", 1)[-1] in NETWORK_QT_NAMES:
                problems.append(f"{where}:{node.lineno} imports {name}")
            if name == "socket" and isinstance(node, ast.ImportFrom):
                problems.append(f"{where}:{node.lineno} imports from socket")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "socket" \
                and node.attr not in SOCKET_USES_ALLOWED:
            problems.append(f"{where}:{node.lineno} uses socket.{node.attr}")
        if isinstance(node, ast.Attribute) and node.attr in NETWORK_QT_NAMES:
            problems.append(f"{where}:{node.lineno} uses {node.attr}")
    return problems


def test_network_uses_are_detected() -> None:
    bad = textwrap.dedent("""
        import socket, urllib.request
        from PySide6.QtNetwork import QNetworkAccessManager, QLocalServer
        from PySide6 import QtNetwork
        socket.create_connection(("example.com", 80))
        QtNetwork.QTcpSocket()
        host = socket.gethostname()
    """)
    assert network_uses(bad, "bad.py") == [
        "bad.py:2 imports urllib.request",
        "bad.py:3 imports PySide6.QtNetwork.QNetworkAccessManager",
        "bad.py:5 uses socket.create_connection",
        "bad.py:6 uses QTcpSocket",
    ]
    assert network_uses("from PySide6.QtNetwork import QLocalServer, QLocalSocket\n", "ok.py") == []


def test_no_network_code_in_the_app() -> None:
    problems = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        problems += network_uses(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert problems == []

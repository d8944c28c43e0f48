"""Windows launcher for 填报: the Start-menu shortcut, the desktop shortcut and "Open with"
run this with the bundled pythonw.exe; python.exe runs it too, for the command line.

The embedded Python's ._pth file already puts ..\\pkgs on sys.path. Under pythonw there is no
console, so stray output and a crash's traceback go to a log file instead of nowhere.
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
pkgs = os.path.join(here, "pkgs")
if pkgs not in sys.path:
    sys.path.insert(0, pkgs)

if sys.stdout is None or sys.stderr is None:
    log_dir = os.path.join(os.environ.get("LOCALAPPDATA") or os.path.expanduser("~"), "Tianbao")
    try:
        os.makedirs(log_dir, exist_ok=True)
        sys.stdout = sys.stderr = open(os.path.join(log_dir, "launcher.log"), "w",
                                       encoding="utf-8", errors="replace")
    except OSError:
        pass  # no log then; the window still reports problems itself

from app.cli import main  # noqa: E402 - after the path set-up above

sys.exit(main())

"""Entry point frozen by PyInstaller into /opt/tianbao/tianbao: the same main as `python -m app`."""
import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())

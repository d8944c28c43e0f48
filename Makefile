# Tianbao 填报 — all set-up happens here, so a fresh clone needs only `make run` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SAMPLE := resources/samples/述职报告示例.docx
# Debian packages for a real X11 window under Xvfb (screenshots) and a CJK font, so Chinese
# renders as glyphs rather than boxes in tests and screenshots.
APT_PACKAGES := xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-cursor0 \
	libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 fonts-wqy-microhei poppler-utils

.PHONY: run test bench system-deps venv i18n clean

run: system-deps venv i18n
	$(PY) -m app "$(SAMPLE)"

test: system-deps venv i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# Measured with bytecode compiled, as an installed app has it (PYTHONDONTWRITEBYTECODE=1 would
# otherwise make every start of every probe recompile app/).
bench: venv i18n
	$(PY) -m compileall -q app tests/bench
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench $(if $(BEFORE),--before $(BEFORE))

# Installs the Debian packages the tests and screenshots need; skipped (with a note) where
# we are not root or there is no apt, in which case the tests that need them skip.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "note: not installing$$missing (needs root and apt); screenshot tests will skip"; fi

# Bytecode as pip gives an installed app (only changed modules are compiled again).
venv: $(STAMP)
	@$(PY) -m compileall -q app

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# Qt's own translation files: .ts in the repo, .qm built here.
i18n: venv
	@for ts in resources/i18n/*.ts; do [ -e "$$ts" ] || continue; \
		qm="$${ts%.ts}.qm"; if [ ! -e "$$qm" ] || [ "$$ts" -nt "$$qm" ]; then \
		$(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$$qm"; fi; done

# After changing tr() strings: the Chinese file takes every string, the English one only the
# counts (numerus forms: the source strings are English already). Then translate what is new.
.PHONY: i18n-update
i18n-update: venv
	$(VENV)/bin/pyside6-lupdate -silent -no-obsolete app/ui/*.py -ts resources/i18n/tianbao_zh_CN.ts
	$(VENV)/bin/pyside6-lupdate -silent -no-obsolete -pluralonly app/ui/*.py -ts resources/i18n/tianbao_en.ts

clean:
	rm -rf $(VENV) build dist .pytest_cache

# Installers (issue 5); not part of `make test`. Builds go to build/ and dist/.
WIN_TOOLS := build/win/tools
.PHONY: win win-test deb deb-test

$(WIN_TOOLS)/.installed:
	$(PYTHON) -m venv $(WIN_TOOLS)
	$(WIN_TOOLS)/bin/pip install -q pynsist==2.8 packaging
	touch $@

# 64-bit Windows setup.exe, built here on Linux: dist/Tianbao-<version>-setup.exe
win: $(WIN_TOOLS)/.installed
	@command -v makensis >/dev/null || { [ "$$(id -u)" = 0 ] && { apt-get update -qq; apt-get install -y -qq nsis >/dev/null; }; }
	$(WIN_TOOLS)/bin/python packaging/windows/build.py

# Silent install, offscreen run and a real window under Xvfb, uninstall, all in a fresh Wine prefix
# (Wine is ~700 MB).
# Uses the project's .venv (python-docx for the sample, PySide6 to check the screenshot).
win-test:
	@test -x $(PY) || $(MAKE) venv
	@command -v x86_64-w64-mingw32-gcc >/dev/null && command -v xvfb-run >/dev/null && [ -x /usr/lib/wine/wine64 ] || \
		{ [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends wine64 gcc-mingw-w64-x86-64-win32 xvfb xauth fonts-wqy-microhei >/dev/null; }
	$(PY) packaging/windows/wine_test.py

# A real office suite reads our output (issue 3); not part of `make test`. Installs LibreOffice
# (writer, no GUI) and poppler as root, converts the official sample and a filled corpus document
# to PDF, checks A4, page count, text and 22 lines a page, renders page 1 to build/office/*.png.
.PHONY: check-office
check-office: venv
	@command -v soffice >/dev/null && command -v pdftoppm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils >/dev/null; }
	$(PY) -m tests.check_office

# Linux .deb: PyInstaller bundle under /opt/tianbao. Python 3.12+ when pyenv has it (PySide6 6.12
# is only safe there); 3.11 gets PySide6 < 6.12 from the project's own markers.
DEB_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) $(PYTHON))
DEB_VENV := build/deb/venv

$(DEB_VENV)/.installed: pyproject.toml
	$(DEB_PYTHON) -m venv $(DEB_VENV)
	$(DEB_VENV)/bin/python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' > build/deb/requirements.txt
	$(DEB_VENV)/bin/pip install -q pyinstaller -r build/deb/requirements.txt
	touch $@

deb: $(DEB_VENV)/.installed
	$(DEB_VENV)/bin/python packaging/linux/build_deb.py

# dpkg -i, offscreen scan and window screenshot, dpkg -P, nothing left (needs root).
deb-test:
	@test -x $(PY) || $(MAKE) venv
	$(PY) packaging/linux/deb_test.py

# Older systems (issue 17), as root; not part of `make test`. Each build makes the plain layout
# (package tianbao) and the UOS store layout (package com.tianbao.editor, /opt/apps/...) in
# dist/<target>/, refusing any binary that needs a newer glibc than the target has. Downloads are
# kept in build/ (debootstrap tarball, CPython source, wheels): a rebuild needs no network.
# arm64, glibc 2.31 (Kylin V10 on Phytium/Kunpeng): bullseye arm64 root under qemu, PySide6 6.8.0.2.
.PHONY: deb-arm64 deb-arm64-test deb-uos deb-uos-test
deb-arm64: venv
	packaging/linux/old_target.sh arm64 build

# Symbol check, UOS layout check, then dpkg -i / scan / offscreen and Xvfb windows / dpkg -P of
# both packages inside the arm64 root, emulated (slow: minutes).
deb-arm64-test: venv
	packaging/linux/old_target.sh arm64 test

# The UOS store packages for both architectures: x86-64 built for glibc 2.28 (UOS 20; PySide6 6.9,
# this machine's libraries left out), arm64 from deb-arm64 (built here if not yet).
deb-uos: venv
	packaging/linux/old_target.sh amd64-glibc2.28 build
	@ls dist/arm64/com.tianbao.editor_*_arm64.deb >/dev/null 2>&1 || packaging/linux/old_target.sh arm64 build

# Layout (dpkg -c) and info checks of both store packages, glibc checks, and install / run / purge
# of the x86-64 ones (both layouts) on this machine.
deb-uos-test: venv
	packaging/linux/old_target.sh amd64-glibc2.28 test
	$(PY) packaging/linux/uos_check.py dist/arm64/com.tianbao.editor_*_arm64.deb
	$(PY) packaging/linux/elf_check.py dist/arm64/com.tianbao.editor_*_arm64.deb --max-glibc 2.31

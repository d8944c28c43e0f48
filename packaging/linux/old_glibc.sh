#!/usr/bin/env bash
# The .deb for older systems (UOS 20, Kylin V10, Debian 11, Ubuntu 20.04): the same
# packaging/linux/build_deb.py, run inside a Debian 11 "bullseye" root (glibc 2.31), so the bundle
# asks for glibc 2.31 at most. Result: dist/bullseye/tianbao_<version>_amd64.deb.
#
#   sudo packaging/linux/old_glibc.sh        (root: debootstrap, chroot and bind mounts)
#
# What it needs from outside, all from the package registries: Debian's bullseye packages
# (debootstrap), the upstream CPython tarball of trixie's python3.13 source package (bullseye has
# only 3.9; the app needs 3.11+, and 3.12+ keeps None immortal, see packaging-notes), and
# manylinux wheels for that CPython with PySide6 < 6.10 (6.10+ wants glibc 2.34).
# Everything lands under build/bullseye/ (git-ignored); a second run reuses the root and Python.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# Debian 11 by default; SUITE=buster (glibc 2.28, with DEBIAN_MIRROR=http://archive.debian.org/debian)
# would reach UOS 20 releases built on glibc 2.28, if that archive is reachable.
SUITE=${SUITE:-bullseye}
BASE=$ROOT/build/$SUITE
CHROOT=$BASE/root
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
PYTHON_PREFIX=/opt/python
PY=3.13
PYTHON_SOURCE_SUITE=trixie
# Build tools for CPython, and the libraries PySide6's Qt links against (PyInstaller copies these
# into the bundle from the root, so they must be bullseye's).
PACKAGES=build-essential,dpkg-dev,binutils,xz-utils,ca-certificates,libssl-dev,zlib1g-dev,libffi-dev,\
libbz2-dev,liblzma-dev,libsqlite3-dev,libexpat1-dev,libgl1,libegl1,libxcb1,libfontconfig1,\
libxkbcommon0,libxkbcommon-x11-0,libxcb-cursor0,libxcb-icccm4,libxcb-image0,libxcb-keysyms1,\
libxcb-randr0,libxcb-render-util0,libxcb-shape0,libxcb-xinerama0,libxcb-xkb1,libdbus-1-3,\
libglib2.0-0,libcups2,fonts-wqy-microhei
WHEELS=("pyside6-essentials>=6.8,<6.10" "python-docx>=1.1" "platformdirs>=4" "pyinstaller")

[ "$(id -u)" = 0 ] || { echo "old_glibc.sh needs root (debootstrap, chroot, mount)" >&2; exit 2; }
for tool in debootstrap chroot mount; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install debootstrap" >&2; exit 2; }
done

if [ ! -x "$CHROOT/usr/bin/gcc" ]; then
    echo "== debootstrap $SUITE into $CHROOT"
    rm -rf "$CHROOT"
    mkdir -p "$BASE"
    debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$CHROOT" "$MIRROR" > "$BASE/debootstrap.log"
fi
# A root made by an earlier run of this script may lack packages added to the list since.
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
chroot "$CHROOT" /bin/bash -euc "
    missing=\$(for p in ${PACKAGES//,/ }; do dpkg -s \$p >/dev/null 2>&1 || echo \$p; done)
    if [ -n \"\$missing\" ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \$missing >/dev/null
    fi"

if [ ! -x "$CHROOT$PYTHON_PREFIX/bin/python$PY" ]; then
    echo "== CPython $PY from Debian's $PYTHON_SOURCE_SUITE source package (upstream tarball), built in the bullseye root"
    apt_dir=$BASE/apt
    mkdir -p "$apt_dir/lists/partial" "$BASE/src"
    echo "deb-src $MIRROR $PYTHON_SOURCE_SUITE main" > "$apt_dir/sources.list"
    apt_options=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
                 -o "Dir::State::Lists=$apt_dir/lists")
    apt-get "${apt_options[@]}" update -qq
    rm -rf "$BASE/src" && mkdir -p "$BASE/src"
    (cd "$BASE/src" && apt-get "${apt_options[@]}" source --download-only -qq "python$PY")
    rm -rf "$CHROOT/tmp/python-src"
    mkdir -p "$CHROOT/tmp/python-src"
    cp "$BASE"/src/python"$PY"_*.orig.tar.[gx]z "$CHROOT/tmp/python-src/"
    chroot "$CHROOT" /bin/bash -euc "
        cd /tmp/python-src
        # upstream sources from the orig tarball: Debian's patches expect Debian's /usr layout
        tar xf python${PY}_*.orig.tar.[gx]z
        cd Python-${PY}*/
        ./configure --quiet --prefix=$PYTHON_PREFIX --enable-shared --with-ensurepip=install \
            LDFLAGS=-Wl,-rpath,$PYTHON_PREFIX/lib
        make --quiet -j\$(nproc) >/dev/null
        make --quiet altinstall >/dev/null
        rm -rf /tmp/python-src"
fi

echo "== wheels for CPython $PY on $SUITE's glibc"
mkdir -p "$BASE/wheels"
python3 -m pip download -q --only-binary=:all: --implementation cp --python-version "$PY" \
    --platform manylinux_2_31_x86_64 --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 -d "$BASE/wheels" "${WHEELS[@]}"

echo "== build_deb.py inside the root"
mkdir -p "$CHROOT/src" "$CHROOT/proc"
mount --bind "$ROOT" "$CHROOT/src"
mount -t proc proc "$CHROOT/proc"
trap 'umount "$CHROOT/proc" || true; umount "$CHROOT/src" || true' EXIT
chroot "$CHROOT" /bin/bash -euc "
    export LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
    [ -x /build/venv/bin/python$PY ] || { rm -rf /build/venv; $PYTHON_PREFIX/bin/python$PY -m venv /build/venv; }
    /build/venv/bin/pip install -q --no-index --find-links /src/build/$SUITE/wheels ${WHEELS[*]@Q}
    cd /src
    TIANBAO_DEB_BUILD=/src/build/$SUITE/deb TIANBAO_DEB_DIST=/src/dist/$SUITE \
        /build/venv/bin/python packaging/linux/build_deb.py
    # and the same smoke test as make deb-test, on that system itself: its glibc, its X libraries
    TIANBAO_DEB_BUILD=/src/build/$SUITE/deb \
        TIANBAO_DEB=/src/dist/$SUITE/tianbao_\$(/build/venv/bin/python -c 'import app; print(app.__version__)')_amd64.deb \
        /build/venv/bin/python packaging/linux/deb_test.py"

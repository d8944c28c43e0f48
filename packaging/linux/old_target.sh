#!/usr/bin/env bash
# The .debs for older systems, built here on Debian 12 (run as root; make deb-arm64 / deb-uos call it):
#
#   packaging/linux/old_target.sh arm64 build|test
#       Kylin V10 arm64 (Phytium, Kunpeng; glibc 2.31), Debian 11+ arm64, UOS with glibc >= 2.31 on
#       arm64. A Debian 11 "bullseye" arm64 root (debootstrap, qemu-user-static) supplies the X11
#       and font libraries the bundle carries and runs PyInstaller and the smoke test under
#       emulation. PySide6 6.8.0.2: the last aarch64 wheel for glibc 2.31 (6.8.1+ need 2.39).
#   packaging/linux/old_target.sh amd64-glibc2.28 build|test
#       UOS 20 x86-64 (Debian 10 based, glibc 2.28), Kylin V10 x86-64, Debian 10+, Ubuntu 18.10+.
#       Frozen on this machine with PySide6 6.9.x (manylinux_2_28 wheels; 6.10+ need 2.34), and
#       without this machine's system libraries (they need glibc 2.36): the target's own are used,
#       named in Depends.
#
# Both use a CPython 3.13 compiled for that glibc by packaging/linux/build_python.sh, and refuse a
# bundle with any binary needing a newer GLIBC_x.y (packaging/linux/elf_check.py). Each build makes
# the plain layout (package tianbao) and the UOS store layout (package com.tianbao.editor).
# Everything downloaded is kept under build/ (debootstrap tarball, CPython source, wheels), so a
# rebuild needs no network; outputs go to dist/<target>/.
set -euo pipefail

TARGET=${1:?target: arm64 or amd64-glibc2.28}
STEP=${2:?step: build, package (again, from the last bundle) or test}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOST_PY=$ROOT/.venv/bin/python   # the project's venv (make venv): PySide6 draws the icons
PY=3.13

case $TARGET in
    arm64)
        ARCH=arm64 CPU=aarch64 GLIBC=2.31 SUITE=bullseye
        PYSIDE="pyside6-essentials==6.8.0.2"
        PLATFORMS=(manylinux_2_31_aarch64 manylinux_2_28_aarch64 manylinux_2_17_aarch64 manylinux2014_aarch64)
        BASE=$ROOT/build/$SUITE-arm64
        CHROOT=$BASE/root
        PREFIX=/opt/python DESTDIR=$CHROOT
        ;;
    amd64-glibc2.28)
        ARCH=amd64 CPU=x86_64 GLIBC=2.28
        PYSIDE="pyside6-essentials>=6.9,<6.10"
        PLATFORMS=(manylinux_2_28_x86_64 manylinux_2_17_x86_64 manylinux2014_x86_64)
        BASE=$ROOT/build/glibc2.28-amd64
        CHROOT=
        PREFIX=$BASE/python DESTDIR=
        ;;
    *) echo "unknown target $TARGET (arm64, amd64-glibc2.28)" >&2; exit 2 ;;
esac
DIST=$ROOT/dist/$TARGET
WHEELS=("$PYSIDE" "python-docx>=1.1" "platformdirs>=4" "pyinstaller")
VERSION=$("$HOST_PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])' 2>/dev/null \
    || (cd "$ROOT" && python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])'))

[ "$(id -u)" = 0 ] || { echo "old_target.sh needs root (debootstrap, chroot, dpkg -i)" >&2; exit 2; }
[ -x "$HOST_PY" ] || { echo "missing $HOST_PY: run make venv i18n first" >&2; exit 2; }

# Root packages: the libraries PySide6's Qt links against (PyInstaller copies them from the root),
# binutils (strip, readelf), and Xvfb + a CJK font for the smoke test.
ROOT_PACKAGES=binutils,xz-utils,libgl1,libegl1,\
libxcb1,libfontconfig1,libxkbcommon0,libxkbcommon-x11-0,libxcb-cursor0,libxcb-icccm4,libxcb-image0,\
libxcb-keysyms1,libxcb-randr0,libxcb-render-util0,libxcb-shape0,libxcb-xinerama0,libxcb-xkb1,libdbus-1-3,\
libglib2.0-0,libcups2,libtiff5,libwebp6,libwebpdemux2,libwebpmux3,fonts-wqy-microhei,xvfb,xauth,desktop-file-utils

ensure_host_tools() {
    local missing=()
    [ -n "$CHROOT" ] && { command -v debootstrap >/dev/null || missing+=(debootstrap)
                          [ -e /usr/bin/qemu-aarch64-static ] || missing+=(qemu-user-static binfmt-support); }
    command -v readelf >/dev/null || missing+=(binutils)
    if [ ${#missing[@]} -gt 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    if [ -n "$CHROOT" ]; then
        [ -d /proc/sys/fs/binfmt_misc ] && { mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc; }
        update-binfmts --enable qemu-aarch64 2>/dev/null || true
        [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || { echo "qemu-aarch64 binfmt handler is not registered" >&2; exit 2; }
    fi
}

make_root() {
    if [ -x "$CHROOT/usr/bin/readelf" ]; then
        # A root made before a package joined the list gets it from the archive (kept in its apt cache).
        local missing
        missing=$(for p in ${ROOT_PACKAGES//,/ }; do [ -e "$CHROOT/var/lib/dpkg/info/$p.list" ] || \
                  [ -e "$CHROOT/var/lib/dpkg/info/$p:$ARCH.list" ] || echo "$p"; done)
        [ -z "$missing" ] && return 0
        echo "== adding to the root:" $missing
        cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
        chroot "$CHROOT" /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends $(echo $missing) >/dev/null"
        return 0
    fi
    # The download is kept as a tarball: a rebuild of the root needs no archive.
    if [ ! -s "$BASE/debootstrap.tgz" ]; then
        echo "== downloading the $SUITE $ARCH packages into $BASE/debootstrap.tgz"
        mkdir -p "$BASE"
        rm -rf "$BASE/download"
        debootstrap --arch="$ARCH" --variant=minbase --include="$ROOT_PACKAGES" \
            --make-tarball="$BASE/debootstrap.tgz" "$SUITE" "$BASE/download" http://deb.debian.org/debian > "$BASE/make-tarball.log"
        rm -rf "$BASE/download"
    fi
    echo "== $SUITE $ARCH root in $CHROOT (second stage runs under qemu)"
    rm -rf "$CHROOT"
    debootstrap --arch="$ARCH" --variant=minbase --include="$ROOT_PACKAGES" --unpack-tarball="$BASE/debootstrap.tgz" \
        "$SUITE" "$CHROOT" http://deb.debian.org/debian > "$BASE/debootstrap.log"
}

wheels() {
    local site=$1
    if ! ls "$BASE/wheels"/[Pp][Yy][Ss]ide6_[Ee]ssentials-* >/dev/null 2>&1; then
        echo "== wheels for CPython $PY on $ARCH, glibc $GLIBC"
        local platform_args=()
        for platform in "${PLATFORMS[@]}"; do platform_args+=(--platform "$platform"); done
        PIP_FIND_LINKS= python3 -m pip download -q --only-binary=:all: --implementation cp --python-version $PY \
            "${platform_args[@]}" -d "$BASE/wheels" "${WHEELS[@]}"
    fi
    # Installed by this machine's pip (nothing emulated): --no-compile, as its bytecode would be
    # for its own Python version.
    if [ ! -e "$site/.installed" ]; then
        rm -rf "$site"
        local platform_args=()
        for platform in "${PLATFORMS[@]}"; do platform_args+=(--platform "$platform"); done
        PIP_FIND_LINKS= python3 -m pip install -q --no-index --find-links "$BASE/wheels" --only-binary=:all: \
            --implementation cp --python-version $PY "${platform_args[@]}" --no-compile --target "$site" "${WHEELS[@]}"
        touch "$site/.installed"
    fi
}

in_root() {   # run a command inside the arm64 root with the worktree at /src
    mkdir -p "$CHROOT/src" "$CHROOT/proc" "$CHROOT/dev" "$CHROOT/tmp"
    mountpoint -q "$CHROOT/src" || mount --bind "$ROOT" "$CHROOT/src"
    mountpoint -q "$CHROOT/proc" || mount -t proc proc "$CHROOT/proc"
    mountpoint -q "$CHROOT/dev" || mount --bind /dev "$CHROOT/dev"
    chmod 1777 "$CHROOT/tmp"
    local status=0
    chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root \
        PYTHONPATH=/build/site "$@" || status=$?
    umount "$CHROOT/dev" "$CHROOT/proc" "$CHROOT/src" || true
    return $status
}

build() {
    ensure_host_tools
    (cd "$ROOT" && make -s i18n)
    if [ -n "$CHROOT" ]; then
        make_root
        "$ROOT/packaging/linux/build_python.sh" $CPU $GLIBC $PREFIX "$DESTDIR"
        wheels "$CHROOT/build/site"
        echo "== PyInstaller inside the $SUITE $ARCH root (emulated)"
        in_root /usr/bin/env TIANBAO_DEB_BUILD=/src/build/$(basename "$BASE")/deb \
            $PREFIX/bin/python$PY /src/packaging/linux/build_deb.py freeze
    else
        "$ROOT/packaging/linux/build_python.sh" $CPU $GLIBC "$PREFIX" /
        wheels "$BASE/site"
        echo "== PyInstaller on this machine, with CPython for glibc $GLIBC, without the system's libraries"
        PYTHONPATH=$BASE/site TIANBAO_DEB_BUILD=$BASE/deb \
            "$PREFIX/bin/python$PY" "$ROOT/packaging/linux/build_deb.py" freeze --no-system-libraries
    fi
    package
}

package() {   # stage and build both layouts from the bundle the build step froze
    local sysroot=/
    if [ -n "$CHROOT" ]; then make_root; sysroot=$CHROOT; fi
    echo "== packages (on this machine)"
    TIANBAO_DEB_BUILD=$BASE/deb TIANBAO_DEB_DIST=$DIST "$HOST_PY" "$ROOT/packaging/linux/build_deb.py" package \
        --arch $ARCH --sysroot "$sysroot" --max-glibc $GLIBC --layout debian --layout uos
    for deb in "$DIST"/*.deb; do
        "$HOST_PY" "$ROOT/packaging/linux/elf_check.py" "$deb" --max-glibc $GLIBC
    done
}

test_target() {
    local plain=$DIST/tianbao_${VERSION}_$ARCH.deb
    local store=$DIST/com.tianbao.editor_$(python3 -c "v='$VERSION'.split('.'); print('.'.join(v + ['0'] * (4 - len(v))))")_$ARCH.deb
    for deb in "$plain" "$store"; do
        [ -f "$deb" ] || { echo "$deb missing: build it first" >&2; exit 2; }
        echo "== glibc symbol check: $deb"
        "$HOST_PY" "$ROOT/packaging/linux/elf_check.py" "$deb" --max-glibc $GLIBC
    done
    "$HOST_PY" "$ROOT/packaging/linux/uos_check.py" "$store"
    if [ -n "$CHROOT" ]; then
        ensure_host_tools
        for deb in "$plain" "$store"; do
            echo "== smoke test of $(basename "$deb") inside the $SUITE $ARCH root (emulated)"
            in_root /usr/bin/env TIANBAO_DEB=/src/dist/$TARGET/$(basename "$deb") \
                TIANBAO_DEB_BUILD=/src/build/$(basename "$BASE")/deb TIANBAO_TIMEOUT_FACTOR=6 \
                $PREFIX/bin/python$PY /src/packaging/linux/deb_test.py
        done
    else
        for deb in "$plain" "$store"; do
            echo "== smoke test of $(basename "$deb") on this machine"
            TIANBAO_DEB=$deb TIANBAO_DEB_BUILD=$BASE/deb "$HOST_PY" "$ROOT/packaging/linux/deb_test.py"
        done
    fi
}

case $STEP in
    build) build ;;
    package) package ;;
    test) test_target ;;
    *) echo "unknown step $STEP (build, package, test)" >&2; exit 2 ;;
esac

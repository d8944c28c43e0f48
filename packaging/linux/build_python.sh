#!/usr/bin/env bash
# CPython for an old glibc, compiled natively on this machine (no emulation, a few minutes):
# Zig's C compiler (the `ziglang` wheel from PyPI) links against the symbol versions of exactly the
# glibc asked for, whatever glibc the build machine has, so the interpreter runs on that glibc
# and newer. Used by packaging/linux/old_root.sh for the arm64 (glibc 2.31) and UOS 20 (2.28) builds.
#
#   packaging/linux/build_python.sh ARCH GLIBC PREFIX DESTDIR
#     ARCH       x86_64 or aarch64
#     GLIBC      e.g. 2.31
#     PREFIX     where the interpreter will live when it runs (e.g. /opt/python)
#     DESTDIR    where to install it now (PREFIX inside a chroot, or / )
#
# The sources are Debian trixie's upstream tarballs of python3.13, zlib and libffi, downloaded once
# into build/cpython/src/.
set -euo pipefail

ARCH=$1 GLIBC=$2 PREFIX=$3 DESTDIR=$4
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=3.13
BASE=$ROOT/build/cpython
WORK=$BASE/$ARCH-glibc$GLIBC
TOOLS=$ROOT/build/tools/venv
# A cross build runs a CPython of exactly the same release on this machine for the generated files
# (it imports the new Lib/): the x86-64 one this script builds from the same source for the UOS 20
# package (packaging/linux/old_target.sh), made first if it is not there yet.
NATIVE_PREFIX=$ROOT/build/glibc2.28-amd64/python

if [ -x "$DESTDIR$PREFIX/bin/python$PY" ] && [ -e "$WORK/.installed" ]; then
    echo "== CPython $PY for $ARCH glibc $GLIBC already in $DESTDIR$PREFIX"
    exit 0
fi

[ -x "$TOOLS/bin/python" ] || python3 -m venv "$TOOLS"
"$TOOLS/bin/python" -c 'import ziglang' 2>/dev/null || "$TOOLS/bin/pip" install -q ziglang
ZIG=$("$TOOLS/bin/python" -c 'import ziglang, os; print(os.path.join(os.path.dirname(ziglang.__file__), "zig"))')

source_tarball() {   # the upstream tarball of a Debian trixie source package, downloaded once
    local found
    found=$(ls "$BASE"/src/${1}_*.orig.tar.[gx]z 2>/dev/null | tail -1 || true)
    if [ -z "$found" ]; then
        mkdir -p "$BASE/apt/lists/partial" "$BASE/src"
        echo "deb-src http://deb.debian.org/debian trixie main" > "$BASE/apt/sources.list"
        local apt_options=(-o "Dir::Etc::SourceList=$BASE/apt/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
                           -o "Dir::State::Lists=$BASE/apt/lists")
        [ -e "$BASE/apt/lists/.updated" ] || { apt-get "${apt_options[@]}" update -qq >&2; touch "$BASE/apt/lists/.updated"; }
        # Only the upstream tarball is used; a Debian revision's own files may 404 mid-update.
        (cd "$BASE/src" && apt-get "${apt_options[@]}" source --download-only -qq "$1" >&2) || true
        found=$(ls "$BASE"/src/${1}_*.orig.tar.[gx]z | tail -1)
    fi
    echo "$found"
}
tarball=$(source_tarball python$PY)
zlib_tarball=$(source_tarball zlib)
ffi_tarball=$(source_tarball libffi)

echo "== CPython $PY for $ARCH, glibc $GLIBC, in $WORK"
rm -rf "$WORK" && mkdir -p "$WORK/bin" "$WORK/deps/include" "$WORK/deps/lib"
# Compiler wrappers: configure and make want a single word for CC/AR.
for tool in cc ar ranlib; do
    case $tool in
        # Zig's linker takes -soname but not CPython's short form -Wl,-h<name>.
        cc) printf '#!/bin/sh\nfor a; do shift; case $a in -Wl,-h*) set -- "$@" "-Wl,-soname,${a#-Wl,-h}" ;; *) set -- "$@" "$a" ;; esac; done\nexec %q cc -target %s-linux-gnu.%s "$@"\n' "$ZIG" "$ARCH" "$GLIBC" ;;
        *) printf '#!/bin/sh\nexec %q %s "$@"\n' "$ZIG" "$tool" ;;
    esac > "$WORK/bin/$tool"
    chmod +x "$WORK/bin/$tool"
done
# Only these headers and static libraries are visible: Zig brings its own glibc headers, and the
# build machine's /usr/include (a different glibc's) must stay out of the way. zlib and libffi
# (ctypes, which PyInstaller imports) are compiled here: Debian's static libz.a, libffi.a (and
# libbz2.a) are not position-independent, so they cannot go into libpython.so or an extension
# module. Nothing here reads .bz2 or .xz, so those modules are left out.
multiarch=$ARCH-linux-gnu
mkdir -p "$WORK/zlib" "$WORK/libffi"
tar -C "$WORK/zlib" --strip-components=1 -xf "$zlib_tarball"
tar -C "$WORK/libffi" --strip-components=1 -xf "$ffi_tarball"
(cd "$WORK/zlib" && PATH=$WORK/bin:$PATH CC=cc AR=ar RANLIB=ranlib CFLAGS="-O2 -fPIC -fno-sanitize=undefined" \
    CHOST=$multiarch ./configure --static --prefix="$WORK/deps" > "$WORK/zlib.log" \
    && PATH=$WORK/bin:$PATH make -j"$(nproc)" install >> "$WORK/zlib.log" 2>&1) \
    || { tail -20 "$WORK/zlib.log"; exit 1; }
# libffi's upstream tarball is a git snapshot without configure: autoreconf makes it.
command -v autoreconf >/dev/null && [ -e /usr/share/aclocal/ltdl.m4 ] || {
    [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        autoconf automake libtool libltdl-dev >/dev/null; }
(cd "$WORK/libffi" && { [ -x configure ] || autoreconf -fi >"$WORK/libffi.log" 2>&1; } && PATH=$WORK/bin:$PATH ./configure --host="$multiarch" --build="$(uname -m)-linux-gnu" \
    --prefix="$WORK/deps" --disable-shared --enable-static --with-pic --disable-docs --disable-multi-os-directory \
    CC=cc AR=ar RANLIB=ranlib CFLAGS="-O2 -fno-sanitize=undefined" >> "$WORK/libffi.log" \
    && PATH=$WORK/bin:$PATH make -j"$(nproc)" install >> "$WORK/libffi.log" 2>&1) \
    || { tail -20 "$WORK/libffi.log"; exit 1; }
deps="-I$WORK/deps/include"
libs="-L$WORK/deps/lib"

cross=()
if [ "$ARCH" != "$(uname -m)" ]; then
    [ "$(uname -m)" = x86_64 ] || { echo "cross builds are set up for an x86-64 build machine" >&2; exit 2; }
    "$0" x86_64 2.28 "$NATIVE_PREFIX" /
    cross=(--build="$(uname -m)-linux-gnu" --host="$multiarch" --with-build-python="$NATIVE_PREFIX/bin/python$PY"
           ac_cv_file__dev_ptmx=yes ac_cv_file__dev_ptc=no ac_cv_buggy_getaddrinfo=no)
fi

mkdir -p "$WORK/src"
tar -C "$WORK/src" --strip-components=1 -xf "$tarball"
cd "$WORK/src"
# -fno-sanitize: Zig's compiler adds UBSan traps to unoptimised code, and configure's test
# programs are built without -O; it also makes __DATE__ (in sys.version) an error.
PATH=$WORK/bin:$PATH ./configure --quiet --prefix="$PREFIX" --enable-shared --without-ensurepip \
    --disable-test-modules "${cross[@]}" \
    CC=cc AR=ar RANLIB=ranlib PKG_CONFIG=false CFLAGS="-fno-sanitize=undefined -Wno-error=date-time" \
    LDFLAGS="-Wl,-rpath,$PREFIX/lib" \
    ZLIB_CFLAGS="$deps" ZLIB_LIBS="$libs -lz" LIBFFI_CFLAGS="$deps" LIBFFI_LIBS="$libs -lffi" \
    > "$WORK/configure.log"
# PY3LIBRARY= : no libpython3.so (the stable-ABI forwarder, unused here), which Zig cannot link as
# it has no object file of its own.
PATH=$WORK/bin:$PATH make -j"$(nproc)" PY3LIBRARY= > "$WORK/make.log" 2>&1 || { tail -40 "$WORK/make.log"; exit 1; }
grep -A8 "^The necessary bits\|^Failed to build\|^Following modules built successfully but were removed" \
    "$WORK/make.log" || true
PATH=$WORK/bin:$PATH make altinstall DESTDIR="$DESTDIR" PY3LIBRARY= \
    > "$WORK/install.log" 2>&1 || { tail -40 "$WORK/install.log"; exit 1; }
touch "$WORK/.installed"
echo "== installed $DESTDIR$PREFIX/bin/python$PY"

#!/usr/bin/env bash
# CPython for an old glibc, compiled natively on this machine (no emulation, a few minutes):
# Zig's C compiler (the `ziglang` wheel from PyPI) links against the symbol versions of exactly the
# glibc asked for, whatever glibc the build machine has, so the interpreter runs on that glibc
# and newer. Used by packaging/linux/old_root.sh for the arm64 (glibc 2.31) and UOS 20 (2.28) builds.
#
#   packaging/linux/build_python.sh ARCH GLIBC DEPS_ROOT PREFIX DESTDIR
#     ARCH       x86_64 or aarch64
#     GLIBC      e.g. 2.31
#     DEPS_ROOT  a Debian root of ARCH whose -dev packages give zlib, libffi, bzip2 and xz as static
#                libraries (/ for this machine's own; they are PIC and carry no symbol versions)
#     PREFIX     where the interpreter will live when it runs (e.g. /opt/python)
#     DESTDIR    where to install it now (PREFIX inside a chroot, or / )
#
# The source is Debian trixie's python3.13 upstream tarball, downloaded once into build/cpython/.
set -euo pipefail

ARCH=$1 GLIBC=$2 DEPS_ROOT=$3 PREFIX=$4 DESTDIR=$5
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

tarball=$(ls "$BASE"/src/python${PY}_*.orig.tar.[gx]z 2>/dev/null | tail -1 || true)
if [ -z "$tarball" ]; then
    echo "== CPython $PY source (Debian trixie's upstream tarball)"
    mkdir -p "$BASE/apt/lists/partial" "$BASE/src"
    echo "deb-src http://deb.debian.org/debian trixie main" > "$BASE/apt/sources.list"
    apt_options=(-o "Dir::Etc::SourceList=$BASE/apt/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
                 -o "Dir::State::Lists=$BASE/apt/lists")
    apt-get "${apt_options[@]}" update -qq
    (cd "$BASE/src" && apt-get "${apt_options[@]}" source --download-only -qq "python$PY")
    tarball=$(ls "$BASE"/src/python${PY}_*.orig.tar.[gx]z | tail -1)
fi

echo "== CPython $PY for $ARCH, glibc $GLIBC, in $WORK"
rm -rf "$WORK" && mkdir -p "$WORK/bin" "$WORK/deps/include" "$WORK/deps/lib"
# Compiler wrappers: configure and make want a single word for CC/AR.
for tool in cc ar ranlib; do
    case $tool in
        cc) printf '#!/bin/sh\nexec %q cc -target %s-linux-gnu.%s "$@"\n' "$ZIG" "$ARCH" "$GLIBC" ;;
        *) printf '#!/bin/sh\nexec %q %s "$@"\n' "$ZIG" "$tool" ;;
    esac > "$WORK/bin/$tool"
    chmod +x "$WORK/bin/$tool"
done
# Only these headers and static libraries are visible: Zig brings its own glibc headers, and the
# deps root's /usr/include (a different glibc's) must stay out of the way.
multiarch=$ARCH-linux-gnu
[ "$ARCH" = aarch64 ] && multiarch=aarch64-linux-gnu
for header in zlib.h zconf.h bzlib.h lzma.h lzma "$multiarch/ffi.h" "$multiarch/ffitarget.h"; do
    cp -r "$DEPS_ROOT/usr/include/$header" "$WORK/deps/include/"
done
for lib in z ffi bz2 lzma; do
    cp "$DEPS_ROOT/usr/lib/$multiarch/lib$lib.a" "$WORK/deps/lib/"
done
deps="-I$WORK/deps/include"
libs="-L$WORK/deps/lib"

cross=()
if [ "$ARCH" != "$(uname -m)" ]; then
    [ "$(uname -m)" = x86_64 ] || { echo "cross builds are set up for an x86-64 build machine" >&2; exit 2; }
    "$0" x86_64 2.28 / "$NATIVE_PREFIX" /
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
    BZIP2_CFLAGS="$deps" BZIP2_LIBS="$libs -lbz2" LIBLZMA_CFLAGS="$deps" LIBLZMA_LIBS="$libs -llzma" \
    > "$WORK/configure.log"
PATH=$WORK/bin:$PATH make -j"$(nproc)" > "$WORK/make.log" 2>&1 || { tail -40 "$WORK/make.log"; exit 1; }
grep -A8 "^The necessary bits\|^Failed to build\|^Following modules built successfully but were removed" \
    "$WORK/make.log" || true
PATH=$WORK/bin:$PATH make altinstall DESTDIR="$DESTDIR" \
    > "$WORK/install.log" 2>&1 || { tail -40 "$WORK/install.log"; exit 1; }
touch "$WORK/.installed"
echo "== installed $DESTDIR$PREFIX/bin/python$PY"

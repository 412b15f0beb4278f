#!/usr/bin/env bash
# Runs every suite and ends with one line "N passed, N failed" summing them.
# Called by `make test` with REL, SAN, SAN_RT, C_TESTS and FUZZERS set.
set -u
cd "$(dirname "$0")/.."

total_pass=0
total_fail=0
summary=()
log_dir=${TEST_LOG_DIR:-build/test-logs}
mkdir -p "$log_dir"

# record NAME PASSED FAILED
record() {
    total_pass=$((total_pass + $2))
    total_fail=$((total_fail + $3))
    summary+=("$(printf '%-28s %5d passed, %d failed' "$1" "$2" "$3")")
}

# A suite that prints "N passed, N failed" last; a crash without that line
# counts as one failure.
run_counted() {
    local name=$1; shift
    local log="$log_dir/${name//[^A-Za-z0-9_.-]/_}.log"
    "$@" >"$log" 2>&1
    local rc=$?
    local line
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "== $name: no result line (exit $rc); last lines of $log:"
        tail -n 15 "$log"
        record "$name" 0 1
        return
    fi
    local p f
    p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "== $name: exited $rc after reporting no failure; last lines of $log:"
        tail -n 15 "$log"
        f=1
    fi
    if [ "$f" -ne 0 ]; then
        echo "== $name: failures:"
        grep -E '^not ok|^# |ERROR|Error|error:' "$log" | head -n 40
    fi
    record "$name" "$p" "$f"
}

# busted's TAP output -> "N passed, N failed"
busted_tap() {
    local lua=$1; shift
    local out rc
    out=$("$lua" /usr/bin/busted -o TAP --lpath='./lua/?.lua;./lua/?/init.lua' "$@" 2>&1)
    rc=$?
    echo "$out"
    local ok nok
    ok=$(echo "$out" | grep -cE '^ok ')
    nok=$(echo "$out" | grep -cE '^not ok ')
    if [ "$ok" -eq 0 ] && [ "$nok" -eq 0 ]; then
        return "$rc"
    fi
    echo "$ok passed, $nok failed"
    return "$rc"
}

for t in $C_TESTS; do
    run_counted "c/$t" "$REL/tests/$t"
done

run_counted "busted/lua5.4" busted_tap lua5.4 tests/spec
run_counted "busted/luajit" busted_tap luajit tests/spec

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for t in $C_TESTS; do
    run_counted "asan+ubsan/c/$t" "$SAN/tests/$t"
done
# The interpreters are not instrumented: preload the sanitizer runtime, and
# leave leak checking to the C suites (interpreters keep memory until exit).
run_counted "asan+ubsan/busted/lua5.4" env LD_PRELOAD="$SAN_RT" ASAN_OPTIONS=detect_leaks=0 \
    CHRONICLE_NATIVE="$SAN" bash -c "$(declare -f busted_tap); busted_tap lua5.4 tests/spec"
run_counted "asan+ubsan/busted/luajit" env LD_PRELOAD="$SAN_RT" ASAN_OPTIONS=detect_leaks=0 \
    CHRONICLE_NATIVE="$SAN" bash -c "$(declare -f busted_tap); busted_tap luajit tests/spec"

if [ -x tests/nvim/run.sh ]; then
    run_counted "nvim/headless" tests/nvim/run.sh
fi

fuzz_smoke() {
    local p=0 f=0
    for fz in $FUZZERS; do
        local corpus="native/fuzz/corpus/${fz#fuzz_}"
        # new inputs go to a scratch directory, never into the seed corpus
        local scratch="$log_dir/corpus-$fz"
        mkdir -p "$scratch"
        if build/fuzz/"$fz" -runs="${FUZZ_RUNS:-2000}" -timeout=10 -rss_limit_mb=4096 "$scratch" "$corpus" >"$log_dir/$fz.log" 2>&1; then
            echo "ok - $fz"; p=$((p + 1))
        else
            echo "not ok - $fz"; tail -n 20 "$log_dir/$fz.log"; f=$((f + 1))
        fi
    done
    echo "$p passed, $f failed"
    [ "$f" -eq 0 ]
}
if [ -n "${FUZZERS:-}" ]; then
    run_counted "fuzz/smoke" fuzz_smoke
fi

echo
printf '%s\n' "${summary[@]}"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

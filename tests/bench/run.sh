#!/usr/bin/env bash
# run.sh - the whole benchmark, as `make bench` runs it after building
# optimised (build/bench, build/rel/native_54.so, lua/chronicle/*.so):
#
#   1. corpus: Russian news (../shared/data/factrueval-2016-dev repeated) of
#      100 KB, 1 MB, 10 MB, 100 MB, and HTML pages of 1 MB and 10 MB;
#   2. native chr_parse per size (build/bench: median, stages, reference
#      loop, peak RSS), one process per file so each RSS is its own;
#   3. the same through Lua tables (lua5.4, native.parse) and end to end
#      through `bin/chronicle json FILE`;
#   4. the alternatives on the same bytes: chrono-node (ru) and dateparser;
#   5. headless Neovim: :Chronicle timeline on 1 MB, and blocking while typing;
#   6. the targets of issues 2 and 6 as PASS / MISS / SKIP;
#   7. the top 15 hot spots of a 1 MB parse (profile.sh).
#
# Environment: BUILD (default build), BENCH_SIZES (default "100k 1m 10m
# 100m"), BENCH_NO_SETUP=1 (skip setup.sh), BENCH_PROFILE=0 (skip step 7),
# BENCH_NVIM=0 (skip step 5), CHRONICLE_NATIVE (the Lua 5.4 module).
# Detailed outputs stay in build/bench-data/*.log.
set -u
cd "$(dirname "$0")/../.." || exit 1

BUILD=${BUILD:-build}
BENCH=${BENCH:-$BUILD/bench}
SO=${CHRONICLE_NATIVE:-lua/chronicle/native_54.so}
DATA=build/bench-data
SIZES=${BENCH_SIZES:-100k 1m 10m 100m}
RES=$DATA/results.tsv
SRC=../shared/data/factrueval-2016-dev
NODE_DIR=build/bench-node
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=

say() { printf '%s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
now_ns() { date +%s%N; }
# awk arithmetic on strings, for floats: calc 'EXPR' (with a, b, c, d set)
calc() { awk -v a="${2:-0}" -v b="${3:-0}" -v c="${4:-0}" -v d="${5:-0}" "BEGIN { print $1 }"; }

if [ ! -x "$BENCH" ]; then
    say "bench: $BENCH is not built; run make bench"; exit 1
fi
mkdir -p "$DATA"
: > "$RES"

say "== chronicle benchmark  $(date -u '+%Y-%m-%d %H:%M UTC')"
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
say "machine: ${cpu:-unknown CPU}, $(nproc 2>/dev/null || echo '?') cores, $(uname -sr)"
say "MB = 10^6 bytes; times are medians; one core (the parse is single-threaded)"

# ------------------------------------------------------------------- setup
if [ "${BENCH_NO_SETUP:-0}" != 1 ]; then
    bash tests/bench/setup.sh | sed 's/^/  /'
fi

# ------------------------------------------------------------------ corpus
if [ -d "$SRC" ] && ls "$SRC"/*.txt >/dev/null 2>&1; then
    corpus_src=$SRC
else
    say "bench: $SRC is absent; the corpus is built from examples/ instead (numbers not comparable)"
    corpus_src=examples
fi
python3 tests/bench/make_corpus.py "$DATA" "$corpus_src" | sed 's/^/  /' || exit 1

txt() { printf '%s/ru-%s.txt' "$DATA" "$1"; }
MB1=$(txt 1m)

# ------------------------------------------------------------------ native
say ""
say "-- native chr_parse (build/bench; details in $DATA/native.log)"
: > "$DATA/native.log"
for s in $SIZES; do
    "$BENCH" --tsv "$RES" "$(txt "$s")" >> "$DATA/native.log" 2>&1 \
        || say "bench: native parse of $(txt "$s") failed (see $DATA/native.log)"
done
for s in 1m 10m; do
    f=$DATA/ru-$s.html
    [ -f "$f" ] && { "$BENCH" --tsv "$RES" "$f" >> "$DATA/native.log" 2>&1 \
        || say "bench: native parse of $f failed (see $DATA/native.log)"; }
done

# field access on a results line: get KIND FILE COLUMN
get() { awk -F'\t' -v k="$1" -v f="$2" -v c="$3" '$1 == k && $2 == f { v = $c } END { print v }' "$RES"; }

printf '\n%-14s %7s %8s %8s %8s %9s %7s %9s %7s %s\n' file MB parse "(CPU)" ingest reference "x ref" "peak RSS" "x in" "found (participants/times/events)"
printf '%-14s %7s %8s %8s %8s %9s %7s %9s %7s\n' "" "" "MB/s" "MB/s" "MB/s" "MB/s" "" "MB" ""
awk -F'\t' '$1 == "native" {
    n = split($2, p, "/"); mb = $3 / 1e6
    printf "%-14s %7.2f %8.1f %8.1f %8.1f %9s %7s %9.1f %7.2f %s/%s/%s\n", p[n], mb, mb / $5, mb / $9, mb / $6,
        ($7 > 0 ? sprintf("%.1f", mb / $7) : "-"), ($7 > 0 ? sprintf("%.1f", $5 / $7) : "-"),
        $8 / 1024, $8 * 1024 / $3, $10, $11, $12 }' "$RES"

say ""
say "-- seconds per stage (median)"
awk -F'\t' '$1 == "native" {
    n = split($2, p, "/"); files[++nf] = p[n]
    for (i = 13; i <= NF; i++) { split($i, kv, "="); if (nf == 1) stages[++ns] = kv[1]; v[nf, kv[1]] = kv[2] }
} END {
    printf "%-10s", "stage"; for (f = 1; f <= nf; f++) printf " %12s", files[f]; printf "\n"
    for (s = 1; s <= ns; s++) {
        printf "%-10s", stages[s]
        for (f = 1; f <= nf; f++) printf " %12.4f", v[f, stages[s]]
        printf "\n"
    }
}' "$RES"

# --------------------------------------------------------- Lua and the CLI
say ""
say "-- through Lua tables (lua5.4, native.parse) and end to end (bin/chronicle json)"
# peak RSS of a command in KB, its wall seconds in $WALL; output to $2
measure() {
    local out=$1; shift
    local t0 t1
    t0=$(now_ns)
    if [ -n "$TIME" ]; then
        "$TIME" -f '%M' -o "$DATA/time.out" "$@" > "$out" 2>> "$DATA/run.log"
    else
        "$@" > "$out" 2>> "$DATA/run.log"
    fi
    local rc=$?
    t1=$(now_ns)
    WALL=$(calc '(b - a) / 1e9' "$t0" "$t1")
    RSS=$([ -n "$TIME" ] && tail -1 "$DATA/time.out" || echo "-")
    return $rc
}
: > "$DATA/run.log"
lua_ok=0
if ! have lua5.4; then
    say "  lua5.4 not installed: Lua measurement skipped"
elif [ ! -f "$SO" ]; then
    say "  $SO not built: Lua measurement skipped"
else
    lua_ok=1
fi
cli_ok=0
if [ -x bin/chronicle ]; then
    cli_ok=1
else
    say "  bin/chronicle does not exist yet: end-to-end measurement skipped"
fi
printf '%-14s %9s %8s %9s %11s %9s %11s\n' file "Lua MB/s" "Lua +%" "facade +%" "Lua RSS" "CLI MB/s" "CLI RSS"
for s in $SIZES; do
    f=$(txt "$s")
    bytes=$(stat -c %s "$f")
    lua_mbps=- lua_over=- facade_over=- lua_rss=- cli_mbps=- cli_rss=-
    if [ $lua_ok = 1 ]; then
        runs=5; [ "$s" = 100m ] && runs=1
        if CHRONICLE_NATIVE=$SO measure "$DATA/lua.out" lua5.4 tests/bench/lua_bench.lua "$SO" "$runs" "$f"; then
            sed "s/\$/\t$RSS/" "$DATA/lua.out" >> "$RES"
            sec=$(awk -F'\t' '$1 == "lua" { print $5 }' "$DATA/lua.out")
            over=$(awk -F'\t' '$1 == "lua" { print $7 }' "$DATA/lua.out")
            fover=$(awk -F'\t' '$1 == "luafacade" { print $7 }' "$DATA/lua.out")
            lua_mbps=$(calc 'sprintf("%.1f", a / 1e6 / b)' "$bytes" "$sec")
            lua_over=$(calc 'sprintf("%+.0f%%", 100 * a)' "$over")
            [ -n "$fover" ] && facade_over=$(calc 'sprintf("%+.0f%%", 100 * a)' "$fover")
            [ "$RSS" != - ] && lua_rss=$(calc 'sprintf("%.1f MB", a / 1024)' "$RSS")
        else
            say "  lua: $f failed (see $DATA/run.log)"
        fi
    fi
    if [ $cli_ok = 1 ]; then
        runs=3; [ "$s" = 100m ] && runs=1
        walls=() rss=0
        for ((i = 0; i < runs; i++)); do
            measure /dev/null bin/chronicle json "$f" || { walls=(); break; }
            walls+=("$WALL"); rss=$RSS
        done
        if [ ${#walls[@]} -gt 0 ]; then
            med=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
            printf 'cli\t%s\t%s\t%s\t%s\t%s\n' "$f" "$bytes" "$runs" "$med" "$rss" >> "$RES"
            cli_mbps=$(calc 'sprintf("%.1f", a / 1e6 / b)' "$bytes" "$med")
            [ "$rss" != - ] && cli_rss=$(calc 'sprintf("%.1f MB", a / 1024)' "$rss")
        else
            say "  bin/chronicle json $f failed (see $DATA/run.log)"
        fi
    fi
    printf '%-14s %9s %8s %9s %11s %9s %11s\n' "ru-$s.txt" "$lua_mbps" "$lua_over" "$facade_over" "$lua_rss" "$cli_mbps" "$cli_rss"
done
say "  (Lua +%: native.parse's conversion cost over the native stages of the same call;"
say "   facade +%: the same for require('chronicle').parse, with the model post-processing)"

# ------------------------------------------------------------ alternatives
say ""
say "-- date extractors people use instead, on the same bytes (they find dates only)"
printf '%-26s %-14s %9s %9s %s\n' extractor file "MB/s" found "chronicle's speed / theirs"
alt_row() {  # NAME FILE SECONDS FOUND
    local bytes nsec
    bytes=$(stat -c %s "$2")
    nsec=$(get native "$2" 5)
    local mbps ratio
    mbps=$(calc 'sprintf("%.2f", a / 1e6 / b)' "$bytes" "$3")
    ratio=$([ -n "$nsec" ] && calc 'sprintf("%.1fx (chronicle %.1f MB/s)", b / a, c / 1e6 / a)' "$nsec" "$3" "$bytes" || echo "-")
    printf '%-26s %-14s %9s %9s %s\n' "$1" "$(basename "$2")" "$mbps" "$4" "$ratio"
}
if [ -f "$NODE_DIR/node_modules/chrono-node/package.json" ] && have node; then
    if node tests/bench/chrono_bench.js "$NODE_DIR" 3 "$MB1" > "$DATA/chrono.out" 2>> "$DATA/run.log"; then
        cat "$DATA/chrono.out" >> "$RES"
        ver=$(node -p "require('./$NODE_DIR/node_modules/chrono-node/package.json').version" 2>/dev/null)
        alt_row "chrono-node $ver (ru)" "$MB1" "$(cut -f5 "$DATA/chrono.out")" "$(cut -f6 "$DATA/chrono.out")"
    else
        say "  chrono-node: failed ($(tail -1 "$DATA/run.log"))"
    fi
else
    say "  chrono-node: not installed (bash tests/bench/setup.sh), skipped"
fi
DP_PY=
for py in /usr/bin/python3 python3; do
    if "$py" -c 'import dateparser' >/dev/null 2>&1; then DP_PY=$py; break; fi
done
if [ -n "$DP_PY" ] && [ -f "$(txt 100k)" ]; then
    if "$DP_PY" tests/bench/dateparser_bench.py 1 "$(txt 100k)" > "$DATA/dateparser.out" 2>> "$DATA/run.log"; then
        cat "$DATA/dateparser.out" >> "$RES"
        ver=$("$DP_PY" -c 'import dateparser; print(dateparser.__version__)' 2>/dev/null)
        alt_row "dateparser $ver" "$(txt 100k)" "$(cut -f5 "$DATA/dateparser.out")" "$(cut -f6 "$DATA/dateparser.out")"
    else
        say "  dateparser: failed ($(tail -1 "$DATA/run.log"))"
    fi
else
    say "  dateparser: not installed (bash tests/bench/setup.sh), skipped"
fi

# ----------------------------------------------------------------- Neovim
say ""
say "-- headless Neovim, $(basename "$MB1")"
: > "$DATA/nvim.tsv"
if [ "${BENCH_NVIM:-1}" = 0 ]; then
    say "  skipped (BENCH_NVIM=0)"
elif ! have nvim; then
    say "  nvim not installed, skipped"
else
    # Neovim loads the LuaJIT module from lua/chronicle, never the Lua 5.4 one
    env -u CHRONICLE_NATIVE CHRONICLE_BENCH_FILE="$MB1" CHRONICLE_BENCH_OUT="$DATA/nvim.tsv" \
        timeout 150 nvim --headless -u NONE -i NONE -n --cmd 'set rtp^=.' \
        -c 'luafile tests/bench/nvim_bench.lua' < /dev/null > /dev/null 2>> "$DATA/run.log"
    if [ ! -s "$DATA/nvim.tsv" ]; then
        say "  nvim_bench.lua wrote no result (see $DATA/run.log)"
    else
        cat "$DATA/nvim.tsv" >> "$RES"
        awk -F'\t' '
            $2 == "skip" { print "  skipped: " $3 }
            $2 == "timeline_ms" { print "  :Chronicle timeline -> drawn view   " $3 " ms" }
            $2 == "edit_block_ms" { print "  longest block while typing         " $3 " ms" }
            $2 == "idle_block_ms" { print "  (idle editor, same meter          " $3 " ms: the noise floor)" }
            $2 == "view_refreshed" && $3 == 0 { print "  note: the view was not refreshed after the edit" }
        ' "$DATA/nvim.tsv"
    fi
fi

# ---------------------------------------------------------------- targets
say ""
say "-- targets"
verdict() {  # LABEL VALUE-TEXT OK(1/0/empty)
    local v=SKIP
    [ "$3" = 1 ] && v=PASS
    [ "$3" = 0 ] && v=MISS
    printf '  %-4s  %-44s %s\n' "$v" "$1" "${2:-not measured}"
}
ok() { calc "($1) ? 1 : 0" "${2:-0}" "${3:-0}" "${4:-0}" "${5:-0}"; }
n1=$(get native "$MB1" 5); r1=$(get native "$MB1" 7)
if [ -n "$n1" ]; then
    m=$(calc 'a / 1e6 / b' "$(stat -c %s "$MB1")" "$n1")
    verdict "native parse >= 30 MB/s (1 MB)" "$(calc 'sprintf("%.1f MB/s (CPU time %.1f MB/s)", a, b / 1e6 / c)' "$m" "$(stat -c %s "$MB1")" "$(get native "$MB1" 9)")" "$(ok 'a >= 30' "$m")"
    verdict "parse <= 30x the token-scan reference" "$(calc 'sprintf("%.1fx", a / b)' "$n1" "$r1")" "$(ok 'a <= 30 * b' "$n1" "$r1")"
    i1=$(get native "$MB1" 6)
    m=$(calc 'a / 1e6 / b' "$(stat -c %s "$MB1")" "$i1")
    verdict "decode+segment >= 200 MB/s (1 MB text)" "$(calc 'sprintf("%.1f MB/s", a)' "$m")" "$(ok 'a >= 200' "$m")"
else
    verdict "native parse >= 30 MB/s (1 MB)" "no result" ""
fi
l1=$(get lua "$MB1" 7)
if [ -n "$l1" ]; then
    verdict "Lua conversion adds <= 50% (1 MB)" "$(calc 'sprintf("%+.0f%%", 100 * a)' "$l1")" "$(ok 'a <= 0.5' "$l1")"
else
    verdict "Lua conversion adds <= 50% (1 MB)" "no result" ""
fi
# CPU time: the two figures come from two processes, and a busy machine
# shifts wall time between them more than the parse itself
n10=$(get native "$(txt 10m)" 9); c1=$(get native "$MB1" 9)
if [ -n "$n10" ] && [ -n "$c1" ]; then
    verdict "10 MB <= 11x the 1 MB time" "$(calc 'sprintf("%.1fx (CPU time; wall %.1fx)", b / a, d / c)' "$c1" "$n10" "$n1" "$(get native "$(txt 10m)" 5)")" "$(ok 'b <= 11 * a' "$c1" "$n10")"
else
    verdict "10 MB <= 11x the 1 MB time" "not measured" ""
fi
f100=$(txt 100m)
rss100=$(get native "$f100" 8)
if [ -n "$rss100" ]; then
    verdict "100 MB completes, peak RSS <= 8x input" "$(calc 'sprintf("%.2fx (%.0f MB)", a * 1024 / b, a / 1024)' "$rss100" "$(stat -c %s "$f100")")" "$(ok 'a * 1024 <= 8 * b' "$rss100" "$(stat -c %s "$f100")")"
else
    case " $SIZES " in
        *" 100m "*) verdict "100 MB completes, peak RSS <= 8x input" "failed (see $DATA/native.log)" 0 ;;
        *) verdict "100 MB completes, peak RSS <= 8x input" "not measured (BENCH_SIZES)" "" ;;
    esac
fi
h=$DATA/ru-1m.html
hi=$(get native "$h" 6); hp=$(get native "$h" 5)
if [ -n "$hi" ]; then
    hb=$(stat -c %s "$h")
    verdict "HTML read (decode+segment) >= 25 MB/s (1 MB)" "$(calc 'sprintf("%.1f MB/s (whole parse %.1f MB/s)", c / 1e6 / a, c / 1e6 / b)' "$hi" "$hp" "$hb")" "$(ok 'c / 1e6 / a >= 25' "$hi" "$hp" "$hb")"
else
    verdict "HTML read (decode+segment) >= 25 MB/s (1 MB)" "no result" ""
fi
tl=$(awk -F'\t' '$2 == "timeline_ms" { print $3 }' "$DATA/nvim.tsv")
eb=$(awk -F'\t' '$2 == "edit_block_ms" { print $3 }' "$DATA/nvim.tsv")
verdict "timeline drawn < 150 ms (1 MB, Neovim)" "${tl:+$tl ms}" "$([ -n "$tl" ] && ok 'a < 150' "$tl")"
verdict "no edit blocks > 16 ms (1 MB, Neovim)" "${eb:+$eb ms}" "$([ -n "$eb" ] && ok 'a <= 16' "$eb")"
for k in chrono dateparser; do
    sec=$(awk -F'\t' -v k=$k '$1 == k { print $5 }' "$RES")
    f=$(awk -F'\t' -v k=$k '$1 == k { print $2 }' "$RES")
    ns=$([ -n "$f" ] && get native "$f" 5)
    if [ -n "$sec" ] && [ -n "$ns" ]; then
        verdict "faster than $k on the same bytes" "$(calc 'sprintf("%.1fx", b / a)' "$ns" "$sec")" "$(ok 'a < b' "$ns" "$sec")"
    else
        verdict "faster than $k on the same bytes" "not measured" ""
    fi
done

# ---------------------------------------------------------------- profile
if [ "${BENCH_PROFILE:-1}" != 0 ]; then
    say ""
    say "-- hot spots"
    BENCH=$BENCH bash tests/bench/profile.sh "$MB1" | sed 's/^/  /'
fi
say ""
say "reproduce: make bench   (results: $RES)"

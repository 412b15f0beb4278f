#!/bin/sh
# Headless Neovim end-to-end tests with isolated XDG directories.
#   tests/nvim/run.sh            # every suite: smoke.lua, async.lua (real native module), host.lua
#   tests/nvim/run.sh smoke      # one suite
# Prints "ok N - name" / "not ok N - name" per test and a final
# "N passed, N failed" over all suites; exits 1 on any failure.
root=$(cd -- "$(dirname -- "$0")/../.." && pwd -P) || exit 2
cd "$root" || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/chronicle-nvim.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"

suites=${*:-smoke host async}
passed=0 failed=0
for suite in $suites; do
  echo "# tests/nvim/$suite.lua"
  timeout 120 nvim --headless -u tests/minimal_init.lua -c "luafile tests/nvim/$suite.lua" \
    >"$tmp/$suite.out" 2>"$tmp/$suite.err"
  rc=$?
  grep -v '^[0-9]* passed, [0-9]* failed$' "$tmp/$suite.out"
  p=$(grep -c '^ok ' "$tmp/$suite.out")
  f=$(grep -c '^not ok ' "$tmp/$suite.out")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "not ok - tests/nvim/$suite.lua exited with status $rc"
    sed 's/^/#   /' "$tmp/$suite.err" | tail -n 20
    f=1
  fi
  passed=$((passed + p)) failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

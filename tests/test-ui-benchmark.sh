#!/bin/sh
# test-ui-benchmark.sh — `bangban --benchmark` on a small demo database runs
# through every stage and prints its figures. Usage: BANGBAN BANGBAN-CLI
set -eu
bangban=$1
cli=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$cli" --db "$dir/bench.db" demo --cases 300 >/dev/null
timeout 240 "$bangban" --db "$dir/bench.db" --benchmark >"$dir/out" 2>"$dir/err" || {
  echo "bangban --benchmark failed:" >&2
  cat "$dir/out" "$dir/err" >&2
  exit 1
}
cat "$dir/out"
status=0
for line in "cases  " "first rows after start-up" "peak memory  " "scroll to the end" \
            "scroll back to the start" "pages fetched" "chart 01 redraw"; do
  if ! grep -q "^$line" "$dir/out"; then
    echo "the output has no line “$line”" >&2
    status=1
  fi
done
# Every case of the demo is counted, not only the first screenful.
cases=$(sed -n 's/^cases  *\([0-9]*\)$/\1/p' "$dir/out")
if [ "${cases:-0}" -lt 300 ]; then
  echo "the benchmark counted ${cases:-no} cases, expected at least 300" >&2
  status=1
fi
exit $status

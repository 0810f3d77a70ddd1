#!/usr/bin/env bash
# Times optimized pages of a running N+1 Lab one request at a time with curl: statements, the median
# SQL time (from the Server-Timing header) and the median and worst total time of RUNS requests. Used to compare the default scale with lab.seed.scale=50,
# deep pages included.
#
#   src/bench/pages.sh [BASE_URL] [RUNS] [PAGE ...]
#   src/bench/pages.sh http://127.0.0.1:8094 20 '/books?page=19999'
set -euo pipefail
BASE=${1:-http://127.0.0.1:8094}
RUNS=${2:-20}
shift $(( $# < 2 ? $# : 2 ))
PAGES=("$@")
if [ ${#PAGES[@]} -eq 0 ]; then
  PAGES=("/books" "/books?page=390" "/books/1" "/authors" "/authors?page=39" "/authors/1" "/orders" "/orders?page=590"
         "/customers/1" "/")
fi
echo "| page | statements | SQL ms (median) | total ms (median) | total ms (max) |"
echo "|---|---:|---:|---:|---:|"
for page in "${PAGES[@]}"; do
  url="$BASE$page"
  statements=$(curl -fsS -o /dev/null -D - "$url" | awk 'tolower($1) == "x-sql-statements:" { print $2 }' | tr -d '\r')
  for _ in 1 2 3; do curl -fsS -o /dev/null "$url"; done
  # Each request: total seconds, then the SQL milliseconds from its Server-Timing header.
  samples=$(for _ in $(seq "$RUNS"); do
    curl -fsS -o /dev/null -D - -w 'total %{time_total}\n' "$url" \
      | tr -d '\r' | awk -F'dur=' 'tolower($0) ~ /^server-timing:/ { split($2, d, ";"); sql = d[1] } /^total / { split($0, t, " "); print t[2], sql }'
  done)
  times=$(awk '{ print $1 }' <<<"$samples" | sort -n)
  sql=$(awk '{ print $2 }' <<<"$samples" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] }')
  median=$(awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] * 1000 }' <<<"$times")
  max=$(tail -1 <<<"$times" | awk '{ printf "%.1f", $1 * 1000 }')
  echo "| \`$page\` | ${statements:-?} | $sql | $median | $max |"
done

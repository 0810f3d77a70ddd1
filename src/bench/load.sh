#!/usr/bin/env bash
# HTTP load on every data page of a running N+1 Lab, in both modes, with wrk.
#
#   src/bench/load.sh [BASE_URL] [SECONDS_PER_RUN] [CONNECTIONS]
#   src/bench/load.sh http://127.0.0.1:8094 10 2
#
# Prints a Markdown table (requests/s, p50, p99, non-2xx responses) and writes it with a CSV under
# target/bench/. Needs wrk (Debian: apt-get install -y wrk). It only ever targets the URL it is given,
# which should be the loopback; each run stops after SECONDS_PER_RUN.
set -euo pipefail

BASE=${1:-http://127.0.0.1:8094}
SECONDS_PER_RUN=${2:-10}
CONNECTIONS=${3:-2}
# A naive page can take seconds: wrk's default 2 s timeout would drop it from the statistics.
TIMEOUT=${TIMEOUT:-60s}
# Requests still running when wrk stops would slow the next row down; give them time to finish.
SETTLE=${SETTLE:-3}
THREADS=${THREADS:-2}
OUT=${OUT:-target/bench}

case "$BASE" in
  http://127.*|http://localhost*|http://\[::1\]*) ;;
  *) echo "Refusing to load $BASE: point it at the application on this machine (127.0.0.1 or localhost)." >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
curl -fsS -o /dev/null "$BASE/actuator/health" || { echo "Nothing answers at $BASE" >&2; exit 2; }

PAGES=(
  "/"
  "/books"
  "/books/1"
  "/authors"
  "/authors/1"
  "/orders"
  "/customers/1"
  "/mistakes/filter-after-prefetch"
  "/mistakes/serializer"
  "/mistakes/over-prefetching"
  "/mistakes/deferred-column"
  "/mistakes/count-by-loading"
  "/api/books"
  "/api/books/1"
  "/api/authors"
)

mkdir -p "$OUT"
MD="$OUT/load.md"
CSV="$OUT/load.csv"
echo "page,mode,statements,requests_per_s,p50_ms,p99_ms,non_2xx" > "$CSV"

# wrk prints latencies as 950.00us, 1.23ms or 1.02s; the table uses milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000 }
    else { printf "%s", v } }'
}

{
  echo "Load: wrk, $THREADS threads, $CONNECTIONS connections, ${SECONDS_PER_RUN}s per row, against $BASE"
  echo "($(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo); the application, PostgreSQL and wrk share them)"
  echo
  echo "| page | mode | statements | req/s | p50 ms | p99 ms | non-2xx or timed out |"
  echo "|---|---|---:|---:|---:|---:|---:|"
} | tee "$MD"

for page in "${PAGES[@]}"; do
  for mode in naive optimized; do
    sep='?'; [[ "$page" == *\?* ]] && sep='&'
    url="$BASE$page${sep}mode=$mode"
    # A 503 here (the pool still busy after a naive row) must not end the table: the count shows as "?".
    statements=$(curl -sS -o /dev/null -D - "$url" | awk 'tolower($1) == "x-sql-statements:" { print $2 }' | tr -d '\r' || true)
    # A short warm-up, so the JIT and the connection pool are not what is measured.
    wrk -t1 -c1 -d1s --timeout "$TIMEOUT" "$url" >/dev/null 2>&1 || true
    sleep "$SETTLE"
    result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout "$TIMEOUT" --latency "$url")
    sleep "$SETTLE"
    # A page slower than the run itself completes too few requests for percentiles: run it longer.
    completed=$(awk '/requests in/ { print $1 }' <<<"$result")
    if [ "${completed:-0}" -lt 3 ]; then
      result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((SECONDS_PER_RUN * 4))s" --timeout "$TIMEOUT" --latency "$url")
      sleep "$SETTLE"
    fi
    rps=$(awk '/^Requests\/sec:/ { printf ($2 < 10) ? "%.1f" : "%.0f", $2 }' <<<"$result")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$result")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$result")")
    errors=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$result")
    errors=${errors:-0}
    timeouts=$(awk '/Socket errors:/ { for (i = 1; i <= NF; i++) if ($i == "timeout") print $(i + 1) }' <<<"$result")
    errors=$((errors + ${timeouts:-0}))
    echo "| \`$page\` | $mode | ${statements:-?} | $rps | $p50 | $p99 | $errors |" | tee -a "$MD"
    echo "$page,$mode,${statements:-},$rps,$p50,$p99,$errors" >> "$CSV"
  done
done
echo
echo "Wrote $MD and $CSV"

#!/usr/bin/env bash
# The gap the lab teaches, and what the page itself adds to it, on a running N+1 Lab started with
# nplusone.request-latency=true:
#  1. naive against optimized /books at 1 ms per statement (?latency=1), end to end: ROUNDS rounds
#     alternating between the two, each round SECONDS of back-to-back requests on one connection (wrk),
#     its median latency; the median and range of the rounds, and the ratio. Single requests after an
#     idle gap (curl) pay the machine's wake-up on top, several ms here, which is not the page's cost;
#  2. the optimized book list as HTML (/books) against the book list as JSON (/api/books, which has
#     fewer columns), at 2 connections with wrk, alternating over ROUNDS rounds of SECONDS each: ms per
#     request and the ratio;
#  3. where a request of each goes, when the application runs on this machine: the CPU time per request
#     of its JVM and of every PostgreSQL process here (planning and running the statements), from
#     /proc over one more round each, so that the ratio can be read as rendering against SQL.
#
#   src/bench/gap.sh [BASE_URL] [ROUNDS] [SECONDS]
#   src/bench/gap.sh http://127.0.0.1:8094 5 8
set -euo pipefail
BASE=${1:-http://127.0.0.1:8094}
ROUNDS=${2:-5}
SECONDS_PER_ROUND=${3:-8}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 1; }

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
range() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'; }
statements() { curl -fsS -o /dev/null -D - "$1" | tr -d '\r' | awk 'tolower($1) == "x-sql-statements:" { print $2 }'; }

naive="$BASE/books?mode=naive&latency=1"
optimized="$BASE/books?mode=optimized&latency=1"
html="$BASE/books?mode=optimized"
json="$BASE/api/books?mode=optimized"

# Warm-up: the JIT compiles the paths of both modes and of both formats.
for _ in $(seq 30); do curl -fsS -o /dev/null "$naive"; done
wrk -t1 -c2 -d20s "$optimized" >/dev/null
wrk -t1 -c2 -d20s "$html" >/dev/null
wrk -t1 -c2 -d20s "$json" >/dev/null

# The median latency of SECONDS of back-to-back requests on one connection, in ms.
median_latency() {
  wrk -t1 -c1 -d"${SECONDS_PER_ROUND}s" --latency "$1" \
    | awk '/Non-2xx|Socket errors/ { print "error: " $0 > "/dev/stderr"; exit 1 }
           $1 == "50%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
                         else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.1f\n", v }'
}
naive_ms=(); optimized_ms=()
for _ in $(seq "$ROUNDS"); do
  naive_ms+=("$(median_latency "$naive")")
  optimized_ms+=("$(median_latency "$optimized")")
done
n_med=$(printf '%s\n' "${naive_ms[@]}" | median)
o_med=$(printf '%s\n' "${optimized_ms[@]}" | median)
echo "## /books at 1 ms per statement, end to end ($ROUNDS rounds of ${SECONDS_PER_ROUND} s, each its median; warm)"
echo
echo "| mode | statements | median ms | range of the rounds, ms |"
echo "|---|---:|---:|---|"
echo "| naive | $(statements "$naive") | $n_med | $(printf '%s\n' "${naive_ms[@]}" | range) |"
echo "| optimized | $(statements "$optimized") | $o_med | $(printf '%s\n' "${optimized_ms[@]}" | range) |"
echo
echo "naive / optimized: $(awk -v n="$n_med" -v o="$o_med" 'BEGIN { printf "%.1f", n / o }')×"
echo

# wrk's request count over the round gives ms per request at 2 connections.
per_request() {
  wrk -t1 -c2 -d"${SECONDS_PER_ROUND}s" "$1" \
    | awk -v s="$SECONDS_PER_ROUND" '/requests in/ { printf "%.2f\n", 2 * s * 1000 / $1 } /Non-2xx|Socket errors/ { print "error: " $0 > "/dev/stderr"; exit 1 }'
}
html_ms=(); json_ms=(); ratios=()
for _ in $(seq "$ROUNDS"); do
  h=$(per_request "$html"); j=$(per_request "$json")
  html_ms+=("$h"); json_ms+=("$j")
  ratios+=("$(awk -v h="$h" -v j="$j" 'BEGIN { printf "%.2f", h / j }')")
done
echo "## The optimized book list: HTML against JSON, 2 connections ($ROUNDS rounds of ${SECONDS_PER_ROUND} s)"
echo
echo "| format | median ms per request | range |"
echo "|---|---:|---|"
echo "| HTML \`/books\` | $(printf '%s\n' "${html_ms[@]}" | median) | $(printf '%s\n' "${html_ms[@]}" | range) |"
echo "| JSON \`/api/books\` | $(printf '%s\n' "${json_ms[@]}" | median) | $(printf '%s\n' "${json_ms[@]}" | range) |"
echo
echo "HTML / JSON per round: ${ratios[*]}; median $(printf '%s\n' "${ratios[@]}" | median)×"

# The CPU time of a process tree in ticks (utime + stime of each thread, from /proc).
ticks() { local total=0 pid; for pid in "$@"; do
  total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0) )); done; echo "$total"; }
port=$(echo "$BASE" | sed -E 's|^[a-z]+://[^:/]+:?([0-9]*).*|\1|'); port=${port:-80}
jvm=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
if [ -z "$jvm" ]; then
  echo "(no process listening on port $port here: the CPU split needs the application on this machine)"
  exit 0
fi
hz=$(getconf CLK_TCK)
cpu_split() {
  local pg j0 p0 n j1 p1
  pg=$(pgrep -x postgres | tr '\n' ' ')
  j0=$(ticks "$jvm"); p0=$(ticks $pg)
  n=$(wrk -t1 -c2 -d"${SECONDS_PER_ROUND}s" "$1" | awk '/requests in/ { print $1 }')
  j1=$(ticks "$jvm"); p1=$(ticks $pg)
  awk -v n="$n" -v j=$(( j1 - j0 )) -v p=$(( p1 - p0 )) -v hz="$hz" -v s="$SECONDS_PER_ROUND" \
    'BEGIN { printf "%.2f | %.2f | %.2f\n", 2 * s * 1000 / n, j * 1000 / hz / n, p * 1000 / hz / n }'
}
echo
echo "## Where each request goes: CPU ms per request, one more round of ${SECONDS_PER_ROUND} s each"
echo
echo "| format | ms per request | the application's JVM | PostgreSQL (every postgres process here) |"
echo "|---|---:|---:|---:|"
echo "| HTML \`/books\` | $(cpu_split "$html") |"
echo "| JSON \`/api/books\` | $(cpu_split "$json") |"

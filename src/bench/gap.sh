#!/usr/bin/env bash
# The gap the lab teaches, and what the page itself adds to it, on a running N+1 Lab started with
# nplusone.request-latency=true:
#  1. naive against optimized /books at 1 ms per statement (?latency=1), end to end: ROUNDS rounds
#     alternating between the two, each round SECONDS of back-to-back requests on one connection (wrk),
#     its median latency; the median and range of the rounds, and the ratio. Single requests after an
#     idle gap (curl) pay the machine's wake-up on top, several ms here, which is not the page's cost;
#  2. the optimized book list as HTML (/books) against the same records as JSON (/api/books), at 2
#     connections with wrk, alternating over ROUNDS rounds of SECONDS each: ms per request and the ratio.
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

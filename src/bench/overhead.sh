#!/usr/bin/env bash
# What the diagnostics cost over HTTP: the same jar started side by side, once with nplusone.enabled=false
# and once with the starter's default settings seen from a remote client (no panel, no headers), then wrk
# on each endpoint, alternating between the two, over several rounds.
#
#   src/bench/overhead.sh DATABASE_URL [SECONDS_PER_RUN] [ROUNDS] [VARIANTS]
#   src/bench/overhead.sh jdbc:postgresql://127.0.0.1:5432/perf_s1 10 3
#
# Needs the packaged jar (./mvnw -DskipTests package), wrk (Debian: apt-get install -y wrk) and a seeded
# database (see src/bench/README.md). Both instances listen on the loopback only and stop at the end.
# Besides requests per second it records the CPU time the application process spent per request
# (from /proc), which is less sensitive to the two cores being shared with wrk and PostgreSQL.
# A run with any non-2xx response or socket error fails the script, and so does an instance that is not what
# its variant says (the "off" one counting statements, or another one with no statement counted).
set -euo pipefail

URL=${1:?usage: overhead.sh DATABASE_URL [SECONDS_PER_RUN] [ROUNDS]}
SECONDS_PER_RUN=${2:-10}
ROUNDS=${3:-3}
CONNECTIONS=${CONNECTIONS:-2}
JAR=${JAR:-target/nplusone-lab-0.1.0-SNAPSHOT.jar}
OUT=${OUT:-target/bench}
ENDPOINTS=${ENDPOINTS:-"/api/books /api/books?mode=naive&size=25 /books"}
# The JIT keeps compiling for a minute or more: shorter warm-ups made the first round of every run an outlier.
WARMUP=${WARMUP:-30}

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw -DskipTests package first" >&2; exit 2; }
mkdir -p "$OUT"

# The lab's own settings are for a lab; the "on" instance goes back to the starter's defaults, and
# 192.0.2.1 (a documentation address) is the only client allowed to see the diagnostics, so the
# loopback client wrk is served as any remote visitor would be.
STARTER_DEFAULTS=(--nplusone.web.allowed-addresses=192.0.2.1 --nplusone.result-set.bytes=false
  --nplusone.request-latency=false --nplusone.max-statements-per-request=2000
  --nplusone.history.exclude=/actuator/** --nplusone.web.exclude=/webjars/**,/favicon.ico)
declare -A VARIANT_ARGS=(
  [off]="--nplusone.enabled=false"
  [on]="${STARTER_DEFAULTS[*]}"
  [on-no-call-sites]="${STARTER_DEFAULTS[*]} --nplusone.call-sites.enabled=false"
)
VARIANTS=(${VARIANTS:-off on on-no-call-sites})
declare -A PORT PID
port=8191
for variant in "${VARIANTS[@]}"; do
  PORT[$variant]=$port
  # shellcheck disable=SC2086
  SPRING_DATASOURCE_URL=$URL SPRING_DATASOURCE_USERNAME=${DB_USER:-postgres} \
    java -Xmx1g -jar "$JAR" --server.address=127.0.0.1 --server.port=$port --lab.seed.scale=1.0 \
      ${VARIANT_ARGS[$variant]} > "$OUT/overhead-$variant.log" 2>&1 &
  PID[$variant]=$!
  port=$((port + 1))
done
trap 'for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

for variant in "${VARIANTS[@]}"; do
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$variant]}/actuator/health" 2>/dev/null && break
    kill -0 "${PID[$variant]}" 2>/dev/null || { echo "$variant did not start: $OUT/overhead-$variant.log" >&2; exit 1; }
    sleep 1
  done
done

# A run counts only if every response was a 2xx: an error page is cheaper than the page, and would flatter
# whichever instance served it.
check_run() { # variant endpoint wrk-output
  if grep -qE 'Non-2xx or 3xx responses|Socket errors' <<< "$3"; then
    echo "$1 $2: wrk saw errors, so the run does not count:" >&2
    grep -E 'Non-2xx or 3xx responses|Socket errors' <<< "$3" >&2
    exit 1
  fi
}

# Each instance is what it is meant to be: "off" has no statement metric at all, and every other variant has
# counted statements through the proxy around its pool (the metric's total is the statements it saw).
check_wrapping() { # variant
  local body status
  status=$(curl -sS -o "$OUT/metric-$1.json" -w '%{http_code}' \
    "http://127.0.0.1:${PORT[$1]}/actuator/metrics/app.sql.statements")
  body=$(cat "$OUT/metric-$1.json")
  if [ "$1" = off ]; then
    [ "$status" = 404 ] || { echo "off: the starter is active (app.sql.statements answers $status)" >&2; exit 1; }
  else
    [ "$status" = 200 ] || { echo "$1: no app.sql.statements metric ($status): the pool is not wrapped" >&2; exit 1; }
    python3 -c 'import json,sys; m={s["statistic"]: s["value"] for s in json.load(sys.stdin)["measurements"]}; sys.exit(0 if m.get("TOTAL", 0) > 0 else 1)' \
      <<< "$body" || { echo "$1: app.sql.statements counted no statement: the pool is not wrapped" >&2; exit 1; }
  fi
  echo "$1: $( [ "$1" = off ] && echo 'not wrapped, as meant' || echo 'wrapped, statements counted')" >&2
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICKS=$(getconf CLK_TCK)

CSV="$OUT/overhead.csv"
echo "round,endpoint,variant,requests_per_s,cpu_ms_per_request,p50_ms" > "$CSV"
echo "Warming up every endpoint on every instance ($WARMUP s each)..." >&2
for endpoint in $ENDPOINTS; do
  for variant in "${VARIANTS[@]}"; do
    check_run "$variant" "$endpoint" "$(wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:${PORT[$variant]}$endpoint")"
  done
done
for variant in "${VARIANTS[@]}"; do
  check_wrapping "$variant"
done
for round in $(seq 1 "$ROUNDS"); do
  for endpoint in $ENDPOINTS; do
    for variant in "${VARIANTS[@]}"; do
      pid=${PID[$variant]}
      before=$(cpu_ticks "$pid")
      result=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:${PORT[$variant]}$endpoint")
      after=$(cpu_ticks "$pid")
      check_run "$variant" "$endpoint" "$result"
      requests=$(awk '/requests in/ { print $1 }' <<< "$result")
      rps=$(awk '/Requests\/sec/ { print $2 }' <<< "$result")
      p50=$(awk '$1 == "50%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<< "$result")
      cpu=$(awk -v t=$((after - before)) -v hz="$TICKS" -v n="$requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
      echo "$round,$endpoint,$variant,$rps,$cpu,$p50" | tee -a "$CSV" >&2
    done
  done
done

# Per endpoint and variant: the share of "off" within each round (the variants of a round run back to back,
# so they share the machine's conditions), its median and range over the rounds, and the same for the CPU the
# application spent per request.
python3 - "$CSV" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
by = {(r["round"], r["endpoint"], r["variant"]): r for r in rows}
rounds = sorted(set(r["round"] for r in rows), key=int)
endpoints = list(dict.fromkeys(r["endpoint"] for r in rows))
variants = list(dict.fromkeys(r["variant"] for r in rows))
print(f"{len(rounds)} rounds; req/s and CPU per request are medians over the rounds, shares are medians of each round's share")
print()
print("| endpoint | variant | req/s | share of off (range) | app CPU ms per request | CPU over off |")
print("|---|---|---:|---|---:|---:|")
for e in endpoints:
    for v in variants:
        rps = statistics.median(float(by[(k, e, v)]["requests_per_s"]) for k in rounds)
        cpu = statistics.median(float(by[(k, e, v)]["cpu_ms_per_request"]) for k in rounds)
        if v == "off":
            print(f"| `{e}` | {v} | {rps:.0f} | — | {cpu:.2f} | — |")
            continue
        shares = [float(by[(k, e, v)]["requests_per_s"]) / float(by[(k, e, "off")]["requests_per_s"]) for k in rounds]
        cpus = [float(by[(k, e, v)]["cpu_ms_per_request"]) / float(by[(k, e, "off")]["cpu_ms_per_request"]) for k in rounds]
        print(f"| `{e}` | {v} | {rps:.0f} | {100 * statistics.median(shares):.0f}% ({100 * min(shares):.0f}–{100 * max(shares):.0f}%) "
              f"| {cpu:.2f} | +{100 * (statistics.median(cpus) - 1):.0f}% |")
EOF

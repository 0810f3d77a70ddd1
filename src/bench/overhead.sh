#!/usr/bin/env bash
# What the diagnostics cost over HTTP: the same jar started side by side, once with nplusone.enabled=false
# and once with the starter's default settings seen from a remote client (no panel, no headers), then wrk
# on each endpoint, alternating between the instances, over several rounds.
#
#   src/bench/overhead.sh APP [SECONDS_PER_RUN] [ROUNDS]
#   src/bench/overhead.sh lab 8 6
#   src/bench/overhead.sh all 8 6        # lab, jpa, datajdbc-mariadb, tracing, lab-tracing: every data-access style
#
# APP is one of:
#   lab               this project's jar on PostgreSQL (DATABASE_URL, default jdbc:postgresql://127.0.0.1:5432/perf_s1,
#                     seeded as src/bench/README.md says): JdbcClient and Spring Data JDBC
#   jpa               src/it/jpa-sample: Spring Data JPA and Hibernate on an in-memory H2
#   datajdbc-mariadb  src/it/datajdbc-mariadb-sample: Spring Data JDBC on the MariaDB of this machine, with
#                     vets added so that its vet list is an N+1 of 10; each instance gets a database of its own
#   lab-tracing       the lab built with -Ptracing into target/tracing (see src/bench/README.md), every request
#                     traced and exported over OTLP/HTTP to a sink this script starts, both instances alike
#   tracing           src/it/tracing-sample: Spring Data JPA on H2 with Micrometer Tracing and OpenTelemetry on,
#                     every request sampled and exported over OTLP/HTTP to a sink this script starts; both
#                     instances trace, so the difference is the starter's, findings on the span included
# Needs the packaged jars (./mvnw -DskipTests package; for a sample, ./mvnw -f src/starter install and
# package in its directory) and wrk (Debian: apt-get install -y wrk). Every instance listens on the loopback
# only and stops at the end.
# Besides requests per second it records the CPU time the application process spent per request
# (from /proc), which is less sensitive to the two cores being shared with wrk and the database.
# A run with any non-2xx response or socket error fails the script, and so does an instance that is not what
# its variant says (the "off" one counting statements, or another one with no statement counted).
set -euo pipefail

APP=${1:?usage: overhead.sh lab|jpa|datajdbc-mariadb|all [SECONDS_PER_RUN] [ROUNDS]}
SECONDS_PER_RUN=${2:-8}
ROUNDS=${3:-6}
OUT=${OUT:-target/bench}
if [ "$APP" = all ]; then
  mkdir -p "$OUT"
  for app in lab jpa datajdbc-mariadb tracing lab-tracing; do
    "$0" "$app" "$SECONDS_PER_RUN" "$ROUNDS"
  done
  exit 0
fi

CONNECTIONS=${CONNECTIONS:-2}
# The JIT keeps compiling for more than a minute, longer with the starter (more code, more proxies): after 30 s
# the "on" instance's C2 thread still spent a third of a millisecond per request, and it served 150 req/s in its
# first 10 s and 750 in its eighth. The first endpoint warms each instance up for WARMUP_FIRST seconds, the
# others for WARMUP.
WARMUP_FIRST=${WARMUP_FIRST:-90}
WARMUP=${WARMUP:-45}
# Only 192.0.2.1 (a documentation address) may see the diagnostics, so the loopback client wrk is served as
# any remote visitor would be.
REMOTE=(--nplusone.web.allowed-addresses=192.0.2.1)
# The collector for the tracing runs: accepts every OTLP/HTTP export and drops it, as a backend that keeps up
# would.
start_sink() {
  python3 -c '
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()' "$SINK_PORT" &
  SINK_PID=$!
}
SINK_PORT=${SINK_PORT:-4399}
TRACING_ARGS=(--management.tracing.sampling.probability=1.0
  "--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:$SINK_PORT/v1/traces"
  --management.otlp.metrics.export.enabled=false)
case "$APP" in
  lab)
    JAR=${JAR:-target/nplusone-lab-0.1.0-SNAPSHOT.jar}
    ENDPOINTS=${ENDPOINTS:-"/api/books /books /api/books?mode=naive&size=25"}
    MANAGEMENT=/actuator
    export SPRING_DATASOURCE_URL=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/perf_s1}
    export SPRING_DATASOURCE_USERNAME=${DB_USER:-postgres}
    # The lab's own settings are for a lab; the "on" instances go back to the starter's defaults.
    APP_ARGS=(--lab.seed.scale=1.0)
    ON_ARGS=("${REMOTE[@]}" --nplusone.result-set.bytes=false --nplusone.request-latency=false
      --nplusone.max-statements-per-request=2000 --nplusone.history.exclude=/actuator/**
      --nplusone.web.exclude=/webjars/**,/favicon.ico)
    ;;
  lab-tracing)
    # The lab built with -Ptracing (Micrometer Tracing, the OpenTelemetry bridge, the OTLP exporter), every
    # request sampled and exported to the sink: the starter's cost with its findings going onto the spans.
    JAR=${JAR:-target/tracing/nplusone-lab-0.1.0-SNAPSHOT.jar}
    ENDPOINTS=${ENDPOINTS:-"/api/books /books /api/books?mode=naive&size=25"}
    MANAGEMENT=/actuator
    export SPRING_DATASOURCE_URL=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/perf_s1}
    export SPRING_DATASOURCE_USERNAME=${DB_USER:-postgres}
    APP_ARGS=(--lab.seed.scale=1.0 "${TRACING_ARGS[@]}")
    ON_ARGS=("${REMOTE[@]}" --nplusone.result-set.bytes=false --nplusone.request-latency=false
      --nplusone.max-statements-per-request=2000 --nplusone.history.exclude=/actuator/**
      --nplusone.web.exclude=/webjars/**,/favicon.ico)
    start_sink
    ;;
  jpa)
    JAR=${JAR:-src/it/jpa-sample/target/jpa-sample-0.0.1-SNAPSHOT.jar}
    # Ten owners, and a statement for the pets of each: 11 statements.
    ENDPOINTS=${ENDPOINTS:-"/owners"}
    MANAGEMENT=/actuator
    APP_ARGS=()
    ON_ARGS=("${REMOTE[@]}")
    ;;
  datajdbc-mariadb)
    JAR=${JAR:-src/it/datajdbc-mariadb-sample/target/datajdbc-mariadb-sample-0.0.1-SNAPSHOT.jar}
    # The vets, a statement for the specialties of each of the ten, and the specialties' names: 12 statements.
    ENDPOINTS=${ENDPOINTS:-"/vets"}
    MANAGEMENT=/manage
    APP_ARGS=("--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/vets_bench_{variant}?createDatabaseIfNotExist=true")
    ON_ARGS=("${REMOTE[@]}")
    # shellcheck disable=SC2016
    SETUP='mysql -h 127.0.0.1 -u root vets_bench_{variant} -e "INSERT INTO vet (id, name) VALUES
      (5, '"'"'Sharon Jenkins'"'"'), (6, '"'"'Henry Stevens'"'"'), (7, '"'"'Maria Lopez'"'"'), (8, '"'"'Paul Baker'"'"'),
      (9, '"'"'Ana Silva'"'"'), (10, '"'"'Tom Weber'"'"');
      INSERT INTO vet_specialty (vet, specialty) VALUES (5, 1), (6, 2), (7, 3), (8, 1), (9, 2), (10, 3)"'
    ;;
  tracing)
    JAR=${JAR:-src/it/tracing-sample/target/tracing-sample-0.0.1-SNAPSHOT.jar}
    # Five owners, and a statement for the pets of each: 6 statements, one finding as a span event.
    ENDPOINTS=${ENDPOINTS:-"/owners"}
    MANAGEMENT=/actuator
    APP_ARGS=("${TRACING_ARGS[@]}" --management.endpoints.web.exposure.include=health,metrics,prometheus)
    ON_ARGS=("${REMOTE[@]}")
    start_sink
    ;;
  *) echo "unknown app $APP: lab, lab-tracing, jpa, datajdbc-mariadb, tracing or all" >&2; exit 2 ;;
esac

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "No $JAR: package it first (see the top of $0)" >&2; exit 2; }
mkdir -p "$OUT"

# off: no proxy, no filter. on: the starter's defaults, call sites sampled once per route and second.
# on-every-line: the same with every request's call sites found, as for a request someone watches.
declare -A VARIANT_ARGS=(
  [off]="--nplusone.enabled=false"
  [on]="${ON_ARGS[*]}"
  [on-every-line]="${ON_ARGS[*]} --nplusone.call-sites.sample-interval=0"
)
# The samples run one endpoint each, off against on; the lab also shows what every line costs.
DEFAULT_VARIANTS="off on on-every-line"
[ "$APP" = lab ] || DEFAULT_VARIANTS="off on"
VARIANTS=(${VARIANTS:-$DEFAULT_VARIANTS})
declare -A PORT PID
port=8191
trap 'for p in "${PID[@]}" ${SINK_PID:-}; do kill "$p" 2>/dev/null || true; done' EXIT
for variant in "${VARIANTS[@]}"; do
  PORT[$variant]=$port
  args=()
  for arg in "${APP_ARGS[@]}"; do args+=("${arg//\{variant\}/${variant//-/_}}"); done
  # shellcheck disable=SC2086
  java -Xmx1g -jar "$JAR" --server.address=127.0.0.1 --server.port=$port "${args[@]}" \
    ${VARIANT_ARGS[$variant]} > "$OUT/overhead-$APP-$variant.log" 2>&1 &
  PID[$variant]=$!
  port=$((port + 1))
  # One at a time: the MariaDB sample's schema.sql would race another instance's.
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$variant]}$MANAGEMENT/health" 2>/dev/null && break
    kill -0 "${PID[$variant]}" 2>/dev/null || { echo "$variant did not start: $OUT/overhead-$APP-$variant.log" >&2; exit 1; }
    sleep 1
  done
  if [ -n "${SETUP:-}" ]; then
    bash -c "${SETUP//\{variant\}/${variant//-/_}}"
  fi
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
    "http://127.0.0.1:${PORT[$1]}$MANAGEMENT/metrics/app.sql.statements")
  body=$(cat "$OUT/metric-$1.json")
  if [ "$1" = off ]; then
    [ "$status" = 404 ] || { echo "off: the starter is active (app.sql.statements answers $status)" >&2; exit 1; }
  else
    [ "$status" = 200 ] || { echo "$1: no app.sql.statements metric ($status): the pool is not wrapped" >&2; exit 1; }
    python3 -c 'import json,sys; m={s["statistic"]: s["value"] for s in json.load(sys.stdin)["measurements"]}; sys.exit(0 if m.get("TOTAL", 0) > 0 else 1)' \
      <<< "$body" || { echo "$1: app.sql.statements counted no statement: the pool is not wrapped" >&2; exit 1; }
  fi
  echo "$APP $1: $( [ "$1" = off ] && echo 'not wrapped, as meant' || echo 'wrapped, statements counted')" >&2
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICKS=$(getconf CLK_TCK)

CSV="$OUT/overhead-$APP.csv"
echo "round,endpoint,variant,requests_per_s,cpu_ms_per_request,p50_ms" > "$CSV"
echo "$APP: warming up every endpoint on every instance ($WARMUP_FIRST s for the first, $WARMUP s for the others)..." >&2
warmup=$WARMUP_FIRST
for endpoint in $ENDPOINTS; do
  for variant in "${VARIANTS[@]}"; do
    check_run "$variant" "$endpoint" "$(wrk -t2 -c"$CONNECTIONS" -d"${warmup}s" "http://127.0.0.1:${PORT[$variant]}$endpoint")"
  done
  warmup=$WARMUP
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
# The statements each endpoint runs, as the "on" instance counts them: its statement metric's total before
# and after one more request (the metrics endpoint itself runs none).
statements_total() {
  curl -fsS "http://127.0.0.1:${PORT[$1]}$MANAGEMENT/metrics/app.sql.statements" \
    | python3 -c 'import json,sys; print(int(sum(s["value"] for s in json.load(sys.stdin)["measurements"] if s["statistic"] == "TOTAL")))'
}
STATEMENTS="$OUT/overhead-$APP-statements.txt"
: > "$STATEMENTS"
for endpoint in $ENDPOINTS; do
  before=$(statements_total "${VARIANTS[1]}")
  curl -fsS -o /dev/null "http://127.0.0.1:${PORT[${VARIANTS[1]}]}$endpoint"
  echo "$endpoint $(( $(statements_total "${VARIANTS[1]}") - before ))" >> "$STATEMENTS"
done

# Per endpoint and variant: the share of "off" within each round (the variants of a round run back to back,
# so they share the machine's conditions), its median and range over the rounds, and the same for the CPU the
# application spent per request.
python3 - "$CSV" "$APP" "$STATEMENTS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
app = sys.argv[2]
statements = dict(line.rsplit(" ", 1) for line in open(sys.argv[3]).read().splitlines())
by = {(r["round"], r["endpoint"], r["variant"]): r for r in rows}
rounds = sorted(set(r["round"] for r in rows), key=int)
endpoints = list(dict.fromkeys(r["endpoint"] for r in rows))
variants = list(dict.fromkeys(r["variant"] for r in rows))
print(f"{app}: {len(rounds)} rounds; req/s and CPU per request are medians over the rounds, "
      "shares are medians of each round's share, with their ranges")
print()
print("| app | endpoint | statements | variant | req/s | throughput, share of off (range) | app CPU ms per request | CPU over off (range) |")
print("|---|---|---:|---|---:|---|---:|---|")
for e in endpoints:
    for v in variants:
        rps = statistics.median(float(by[(k, e, v)]["requests_per_s"]) for k in rounds)
        cpu = statistics.median(float(by[(k, e, v)]["cpu_ms_per_request"]) for k in rounds)
        if v == "off":
            print(f"| {app} | `{e}` | {statements[e]} | {v} | {rps:.0f} | — | {cpu:.2f} | — |")
            continue
        shares = [float(by[(k, e, v)]["requests_per_s"]) / float(by[(k, e, "off")]["requests_per_s"]) for k in rounds]
        cpus = [float(by[(k, e, v)]["cpu_ms_per_request"]) / float(by[(k, e, "off")]["cpu_ms_per_request"]) for k in rounds]
        pct = lambda x: f"{100 * (x - 1):+.0f}%"
        print(f"| {app} | `{e}` | {statements[e]} | {v} | {rps:.0f} | {100 * statistics.median(shares):.0f}% ({100 * min(shares):.0f}–{100 * max(shares):.0f}%) "
              f"| {cpu:.2f} | {pct(statistics.median(cpus))} ({pct(min(cpus))} to {pct(max(cpus))}) |")
PY

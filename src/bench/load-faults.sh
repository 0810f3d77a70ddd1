#!/usr/bin/env bash
# Load and fault check against the external PostgreSQL service (issue 6).
#
#   src/bench/load-faults.sh            # 60 s per phase, 32 connections
#   DURATION=10s src/bench/load-faults.sh
#
# Starts the packaged application on $PORT against database $DB on 127.0.0.1:5432 (created and
# seeded on first use), then runs wrk twice:
#   1. optimized pages: every response must be 2xx, with no socket error or timeout;
#   2. naive pages: no socket error, no timeout and no 5xx other than 503: when every pooled
#      connection is busy a request waits in the pool's queue, and one that waits longer than
#      spring.datasource.hikari.connection-timeout gets the friendly 503 page, never a 500.
# Needs: wrk and psql (apt-get install -y wrk postgresql-client), a JDK, PostgreSQL at 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-8095}
DB=${DB:-lab_load}
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
export PGHOST PGUSER
# Kept after the run on purpose: the application log and wrk's output, to read when a phase fails.
WORK=$(mktemp -d /tmp/load-faults.XXXXXX)
APP_PID=

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
JAR=target/nplusone-lab-0.1.0-SNAPSHOT.jar
if [[ ! -f "$JAR" || -n "${REBUILD:-}" ]]; then
  ./mvnw -q -DskipTests package
fi
cp "$JAR" "$WORK/app.jar"

if ! psql -d postgres -At -v db="$DB" <<<"SELECT 1 FROM pg_database WHERE datname = :'db'" | grep -q 1; then
  psql -d postgres -q -v db="$DB" <<<'CREATE DATABASE :"db"'
fi

echo "Starting the application on port $PORT against $PGHOST:5432/$DB (log: $WORK/app.log)"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  java -jar "$WORK/app.jar" --server.port="$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -fs "http://localhost:$PORT/actuator/health" >/dev/null

OPTIMIZED="/ /books /books?page=7 /books/1 /books/3 /authors /authors/2 /orders /customers/1 /customers/2
/mistakes /mistakes/filter-after-prefetch /mistakes/over-prefetching /mistakes/deferred-column
/mistakes/count-by-loading /mistakes/serializer /api/books /api/books/1 /api/authors"
# Naive lists at 10-20 rows: still hundreds of statements a page (an author list loads every book of
# every author), small enough that a 32-deep queue of them drains within wrk's timeout on two cores
# shared with PostgreSQL. A client that waits a minute is patient, but a browser waits longer.
NAIVE="/?mode=naive /books?mode=naive&size=20 /books/1?mode=naive /authors?mode=naive&size=10
/authors/2?mode=naive /orders?mode=naive&size=20 /customers/1?mode=naive /mistakes/filter-after-prefetch?mode=naive
/mistakes/over-prefetching?mode=naive /mistakes/deferred-column?mode=naive
/mistakes/count-by-loading?mode=naive /mistakes/serializer?mode=naive /api/books?mode=naive&size=20"

# Warm up the JIT and PostgreSQL's caches, so the timed phases measure the steady state.
for path in $OPTIMIZED $NAIVE; do curl -fs -o /dev/null "http://localhost:$PORT$path"; done

status=0
run() {
  local name=$1 paths=$2 allowed=$3
  printf '%s\n' $paths >"$WORK/$name.paths"
  echo
  echo "== $name: $CONNECTIONS connections, $THREADS threads, $DURATION"
  LAB_PATHS="$WORK/$name.paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 60s \
    -s src/bench/load-faults.lua "http://localhost:$PORT" | tee "$WORK/$name.out" || status=1
  local result
  result=$(grep '^RESULT' "$WORK/$name.out" || true)
  if [[ -z "$result" ]]; then
    echo "FAIL $name: wrk printed no result"; status=1
  elif ! grep -q 'errors(connect=0 read=0 write=0 timeout=0)' <<<"$result"; then
    echo "FAIL $name: socket errors or timeouts"; status=1
  fi
  if grep '^STATUS' "$WORK/$name.out" | awk '{print $2}' | grep -vE "^($allowed)$" >/dev/null; then
    echo "FAIL $name: statuses other than $allowed"; status=1
  fi
}

run optimized "$OPTIMIZED" "200"
run naive "$NAIVE" "200|503"

echo
if grep -E ' 500 |ERROR .*Servlet.service\(\)' "$WORK/app.log" >/dev/null; then
  echo "FAIL: the application log shows a 500 or an unhandled exception"; status=1
fi
echo "Pool timeouts logged as 503: $(grep -c 'Database unavailable' "$WORK/app.log" || true)"
echo "Application log and wrk output: $WORK"
[[ $status -eq 0 ]] && echo "PASS" || echo "FAILED"
exit $status

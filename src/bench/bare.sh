#!/usr/bin/env bash
# Times the optimized book list's two statements (N = 50) bare, with pgbench, on the same database
# the benchmark used: the yardstick for "the layer's SQL time is within 1.3x of the same SQL run bare".
#
#   src/bench/bare.sh [DATABASE] [TRANSACTIONS]
#   src/bench/bare.sh perf_s1 3000
set -euo pipefail
DB=${1:-perf_s1}
TX=${2:-3000}
OUT=${OUT:-target/bench}
./mvnw -q -Pbench -DskipTests compile exec:java -Dbench.main=dev.nplusonelab.bench.BareStatements \
  -Dbench.out="$OUT"
IDS="{$(seq -s, 1 50)}"
# Prepared statements, like the driver after its fifth execution; one client, like one request.
# With the values inlined, PostgreSQL plans each statement once. With them bound as parameters, as
# the application binds them, it plans the joined statement again at every execution (a generic plan
# would be reused, but for this statement it is about four times slower, so it is not chosen).
for script in bare-book-list bare-book-list-params; do
  for mode in prepared simple; do
    [[ "$script" == *params && "$mode" == simple ]] && continue
    echo "pgbench -M $mode, $script:"
    pgbench -h 127.0.0.1 -U postgres -n -M "$mode" -c 1 -t "$TX" -D ids="$IDS" -f "$OUT/$script.sql" "$DB" \
      | grep -E "latency average|tps"
  done
done

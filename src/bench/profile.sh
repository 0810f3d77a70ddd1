#!/usr/bin/env bash
# Where the starter's cost goes on one endpoint, by part: the same jar started with nplusone.enabled=false and
# with the starter's defaults (a remote client: no panel, no headers), one after the other, never side by side.
# Each is warmed up, then Java Flight Recorder samples its threads every millisecond during a wrk run. Every
# sample goes to the part its innermost deciding frame belongs to (JDK frames, and libraries the starter
# calls, such as Micrometer, decide nothing; a frame of the servlet filter chain ends the search, so that
# the application's own work under the starter's filter stays the application's). Samples are counted per
# 1,000 requests, so the two runs compare however many requests each served.
#
#   src/bench/profile.sh JAR ENDPOINT [WARMUP_SECONDS] [SECONDS] [-- APP_ARGS...]
#   src/bench/profile.sh src/it/jpa-sample/target/jpa-sample-0.0.1-SNAPSHOT.jar /owners 90 30
#
# Needs wrk and the JDK's jcmd and jfr. Output: a Markdown table on stdout, the recordings and wrk's output in
# target/bench/profile-*.
set -euo pipefail
JAR=${1:?usage: profile.sh JAR ENDPOINT [WARMUP_SECONDS] [SECONDS] [-- APP_ARGS...]}
ENDPOINT=${2:?usage: profile.sh JAR ENDPOINT [WARMUP_SECONDS] [SECONDS] [-- APP_ARGS...]}
WARMUP=${3:-90}
RUN=${4:-30}
shift $(( $# < 4 ? $# : 4 ))
[ "${1:-}" = "--" ] && shift
OUT=${OUT:-target/bench}
PORT=${PORT:-8291}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }

# JFR's profile settings with Java samples every millisecond instead of every 10.
JFC="$OUT/profile-1ms.jfc"
python3 - "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" "$JFC" <<'EOF'
import sys, xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
for event in tree.getroot().iter():
    if event.tag.endswith('event') and event.get('name') == 'jdk.ExecutionSample':
        for setting in event:
            if setting.get('name') == 'period':
                setting.text = '1 ms'
tree.write(sys.argv[2])
EOF

PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null || true' EXIT
for variant in off on; do
  if [ "$variant" = off ]; then flags=(--nplusone.enabled=false); else flags=(--nplusone.web.allowed-addresses=192.0.2.1); fi
  java -Xmx1g -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" "$@" "${flags[@]}" \
    > "$OUT/profile-$variant.log" 2>&1 &
  PID=$!
  for _ in $(seq 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT$ENDPOINT" 2>/dev/null && break
    kill -0 "$PID" 2>/dev/null || { echo "$variant did not start: $OUT/profile-$variant.log" >&2; exit 1; }
    sleep 1
  done
  wrk -t1 -c2 -d"${WARMUP}s" "http://127.0.0.1:$PORT$ENDPOINT" > /dev/null
  rm -f "$OUT/profile-$variant.jfr"
  jcmd "$PID" JFR.start name=profile settings="$(readlink -f "$JFC")" filename="$(readlink -f "$OUT")/profile-$variant.jfr" > /dev/null
  wrk -t1 -c2 -d"${RUN}s" "http://127.0.0.1:$PORT$ENDPOINT" > "$OUT/profile-$variant.wrk"
  jcmd "$PID" JFR.stop name=profile > /dev/null
  if grep -qE 'Non-2xx|Socket errors' "$OUT/profile-$variant.wrk"; then
    echo "$variant answered errors: $OUT/profile-$variant.wrk" >&2; exit 1
  fi
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  jfr print --events jdk.ExecutionSample --stack-depth 256 "$OUT/profile-$variant.jfr" > "$OUT/profile-$variant.txt"
done

python3 - "$OUT" "$ENDPOINT" <<'EOF'
import re, sys
out, endpoint = sys.argv[1], sys.argv[2]
FRAME = re.compile(r'^\s+([\w$.<>]+)\(.*line:', re.M)
PARTS = [
    ('datasource-proxy: JDK proxies and reflection', ('net.ttddyy.', 'jdk.proxy', 'com.sun.proxy.')),
    ('capture: the listener, the statement\'s record, row counting', ('dev.nplusonelab.diagnostics.capture.',)),
    ('the web filter and the metrics', ('dev.nplusonelab.diagnostics.web.', 'dev.nplusonelab.diagnostics.autoconfigure.')),
    ('the detector, fixes and the log', ('dev.nplusonelab.diagnostics.detect.',)),
    ('the history', ('dev.nplusonelab.diagnostics.history.',)),
    ('findings on the trace', ('dev.nplusonelab.diagnostics.tracing.',)),
    ('the rest of the starter', ('dev.nplusonelab.diagnostics.',)),
]
REST = 'the application, the frameworks and the driver'
DRIVERS = ('org.h2.', 'org.postgresql.', 'org.mariadb.', 'com.mysql.')
# Reaching the filter chain means the leaf is work the application asked for, under the starter's filter.
CHAIN = ('org.apache.catalina.core.ApplicationFilterChain.', 'jakarta.servlet.FilterChain')

def part(frames):
    for frame in frames:
        if frame.startswith(CHAIN) or frame.startswith(DRIVERS):
            return REST
        if frame.startswith('jdk.proxy') or frame.startswith('com.sun.proxy.'):
            return PARTS[0][0]
        if frame.startswith(('java.', 'javax.', 'jdk.', 'sun.')):
            continue
        for name, prefixes in PARTS:
            if frame.startswith(prefixes):
                return name
    return REST

def requests(variant):
    text = open(f'{out}/profile-{variant}.wrk').read()
    return int(re.search(r'(\d+) requests in', text).group(1))

counts = {}
for variant in ('off', 'on'):
    per = {}
    for block in open(f'{out}/profile-{variant}.txt').read().split('jdk.ExecutionSample {')[1:]:
        frames = FRAME.findall(block)
        if frames:
            name = part(frames)
            per[name] = per.get(name, 0) + 1
    n = requests(variant)
    counts[variant] = ({k: 1000 * v / n for k, v in per.items()}, n)

names = [name for name, _ in PARTS] + [REST]
off, on = counts['off'][0], counts['on'][0]
total_off, total_on = sum(off.values()), sum(on.values())
diff = total_on - total_off
print(f'`{endpoint}`: {counts["off"][1]} requests off, {counts["on"][1]} on; Java samples (1 ms) per 1,000 requests')
print()
print('| part (the innermost deciding frame) | off | on | share of the difference |')
print('|---|---:|---:|---:|')
for name in names:
    a, b = off.get(name, 0), on.get(name, 0)
    if a == 0 and b == 0:
        continue
    share = f'{100 * (b - a) / diff:.0f}%' if diff > 0 else '—'
    print(f'| {name} | {a:.1f} | {b:.1f} | {share} |')
print(f'| total | {total_off:.1f} | {total_on:.1f} | {100 * diff / total_off:+.0f}% |')
EOF

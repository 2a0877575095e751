#!/usr/bin/env bash
# Lookup throughput and latency of shard-service: starts `shardhome serve` (embedded ZooKeeper, fresh data
# dir), imports 100,000 shards over the REST API, then drives GET /api/v1/lookup/{shard} with wrk on
# loopback. Needs wrk (apt-get install -y wrk) and the built jar (mvn -pl shard-service package).
# Usage: [WARMUP=40s] [PORT=18080] bench/lookup.sh [duration, default 30s] [connections, default 16]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/shard-service/target/shardhome.jar"
duration="${1:-30s}"
connections="${2:-16}"
export SHARDS=100000
port="${PORT:-18080}"
command -v wrk >/dev/null || { echo "lookup.sh: wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -f "$jar" ]] || { echo "lookup.sh: $jar is missing: mvn -B -pl shard-service package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
keep_log() { echo "--- serve log:" >&2; tail -30 "$work/serve.log" >&2; }
java -Xms512m -Xmx1g -jar "$jar" serve --port="$port" --data-dir="$work/data" >"$work/serve.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
export SHARDHOME_URL="http://127.0.0.1:$port"
[[ -f "$work/data/admin.token" ]] || { echo "lookup.sh: the service did not start" >&2; keep_log; exit 2; }
export SHARDHOME_TOKEN="$(cat "$work/data/admin.token")"
cli() { java -jar "$jar" "$@"; }

curl -fs -X PUT -H "Authorization: Bearer $SHARDHOME_TOKEN" -H 'Content-Type: application/json' \
  -d '{"host":"127.0.0.1","port":3306}' "$SHARDHOME_URL/api/v1/sites/nyc" >/dev/null
curl -fs -X PUT -H "Authorization: Bearer $SHARDHOME_TOKEN" -H 'Content-Type: application/json' \
  -d '{"host":"127.0.0.1","port":3307}' "$SHARDHOME_URL/api/v1/sites/sjc" >/dev/null
{
  echo "shard_id master critical"
  awk -v n="$SHARDS" 'BEGIN { for (i = 0; i < n; i++) printf "shard_%06d %s false\n", i, (i % 2 ? "nyc" : "sjc") }'
} >"$work/map.csv"
start=$(date +%s.%N)
cli shard import --replace "$work/map.csv" | tail -2
echo "import of $SHARDS shards took $(echo "$(date +%s.%N) - $start" | bc) s"

# The JIT (C2) keeps compiling for well over 10 s of load on 2 shared cores; measure after it settles.
echo "== warm-up (${WARMUP:-40s})"
wrk -t2 -c"$connections" -d"${WARMUP:-40s}" -s "$root/bench/lookup.lua" "$SHARDHOME_URL" >/dev/null
# CPU seconds the service has used so far (utime + stime of all its threads), to report the CPU cost per
# lookup: on a shared machine that is steadier than requests/s.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server/stat"; }
echo "== measured ($duration, $connections connections, 2 wrk threads)"
cpu_before=$(cpu_seconds)
# The load generator shares the 2 cores: its CPU time (user + system, from bash's `time`) is reported too.
TIMEFORMAT='%U %S %R'
{ time wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/lookup.lua" "$SHARDHOME_URL" >"$work/wrk.out"; } 2>"$work/wrk.time"
cat "$work/wrk.out"
cpu_after=$(cpu_seconds)
requests=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
service_cpu=$(echo "$cpu_after - $cpu_before" | bc)
echo "service CPU: $service_cpu s for $requests requests =" \
  "$(echo "scale=1; $service_cpu * 1000000 / $requests" | bc) us per lookup"
read -r wrk_user wrk_sys wrk_real <"$work/wrk.time"
wrk_cpu=$(echo "$wrk_user + $wrk_sys" | bc)
echo "load generator (wrk) CPU: $wrk_cpu s (user $wrk_user, system $wrk_sys) over $wrk_real s =" \
  "$(echo "scale=0; $wrk_cpu * 100 / $wrk_real" | bc)% of one core;" \
  "share of the CPU used by wrk and the service together: $(echo "scale=0; $wrk_cpu * 100 / ($wrk_cpu + $service_cpu)" | bc)%"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Site-link speed against MariaDB's own replication (issue 18), one command, one run:
#   1. LinksVsNativeHarness: catch-up of the same binlog range by a native replica (single-threaded,
#      slave_parallel_threads=4 optimistic, 4 conservative) and by the link (maxGroup x channels: grouped
#      serial, grouped 4 channels, grouping off serial and 4 channels), on the insert-only, mixed
#      (oltp_write_only-like) and skewed workloads; every ratio and each goal met or not;
#   2. SteadyLagHarness: lag p50/p99/max at a steady 1,000 and 3,000 tx/s.
# Usage: bench/links.sh [transactions, default 300000] [lag seconds, default 10]
#   environment: WORKLOADS=insert,mixed,skewed  LINKS=100x1,100x4,1x1,1x4  CLIENTS=4  LAG_RATES=1000,3000
#                LAG_LINKS=100x1,100x4  JFR=<file> (JFR profile of the first link configuration, mixed)
# Builds with the reactor (nothing is installed into ~/.m2); MariaDB data under bench/target/mariadb-sites.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
transactions="${1:-300000}"
lag_seconds="${2:-10}"
mvn -B -q -pl bench -am package -DskipTests -Dspotless.check.skip=true dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=compile
cd bench
cp="target/classes:$(cat target/classpath.txt)"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   (TLS: the sites require it since issue 15; the link, the loaders and the native replica all connect with TLS)"
quiet() { grep --line-buffered -v -E '^(Nov|Dec|Jan|[A-Z][a-z]{2} [0-9]+, [0-9]{4}) |^INFO|^WARNING: |BinaryLogClient'; }
java -Xmx2g -cp "$cp" -Dworkloads="${WORKLOADS:-insert,mixed,skewed}" -Dlinks="${LINKS:-100x1,100x4,1x1,1x4}" \
  -Dclients="${CLIENTS:-4}" ${JFR:+-Djfr="$JFR"} \
  io.shardhome.bench.links.LinksVsNativeHarness "$transactions" 2>&1 | quiet
echo "== steady-state lag, single-row transactions over 16 shards, one client paced by schedule"
java -Xmx2g -cp "$cp" io.shardhome.bench.links.SteadyLagHarness "${LAG_RATES:-1000,3000}" "$lag_seconds" \
  "${LAG_LINKS:-100x1,100x4}" 2>&1 | quiet
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

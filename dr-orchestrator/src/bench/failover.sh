#!/usr/bin/env bash
# Lifeboat's fenced failover side by side with Patroni. The Lifeboat side (FailoverBench): per run a fresh PostgreSQL
# 15 primary and streaming standby, one packaged health-monitor probing the primary (500 ms rounds, 500 ms probe
# timeout, the default 3 failed rounds to unhealthy; quorum 1 of 1 - a production setup runs 3 monitors) and one
# packaged dr-orchestrator (AUTOMATIC, tick 200 ms, step timeout 2 s); a write load of one autocommit INSERT at a
# time, then the primary's node is lost (postmaster and every child SIGKILLed together), and the time until the
# standby accepts a write and the acknowledged inserts it lacks are measured. The reference side is patroni.sh with
# Patroni's defaults. The last line compares both medians.
# Usage: ./lifeboat bench failover [RUNS=10]      env: LIFEBOAT_BENCH_MVN_OPTS (e.g. -o to build offline)
set -euo pipefail
RUNS=${1:-10}
cd "${LIFEBOAT_HOME:?}"
[ "$(id -u)" -eq 0 ] || { echo "failover bench: run as root (PostgreSQL runs as the postgres user)" >&2; exit 2; }
if ! command -v patroni >/dev/null || ! command -v etcd >/dev/null; then
  echo "installing patroni and etcd-server from Debian's packages" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q patroni etcd-server >/dev/null
fi
id postgres >/dev/null 2>&1 || { echo "the postgres OS account is missing (install postgresql-15)" >&2; exit 1; }

out=dr-orchestrator/target
jars=(health-monitor/target/quarkus-app/quarkus-run.jar "$out/quarkus-app/quarkus-run.jar")
sources=(events/src testkit/src health-monitor/src/main dr-orchestrator/src/main)
stale() { # file: missing, or older than a source of the modules it is built from
  [ ! -f "$1" ] || [ -n "$(find "${sources[@]}" -newer "$1" -print -quit)" ]
}
if stale "${jars[0]}" || stale "${jars[1]}"; then
  ./mvnw -B -q ${LIFEBOAT_BENCH_MVN_OPTS:-} -pl health-monitor,dr-orchestrator -am package -DskipTests
fi
if stale "$out/bench-classpath.txt" || [ -n "$(find dr-orchestrator/src/test -newer "$out/bench-classpath.txt" -print -quit)" ]; then
  # -am so that the bench runs against this tree's events and testkit, not whatever the local repository holds.
  ./mvnw -B -q ${LIFEBOAT_BENCH_MVN_OPTS:-} -pl dr-orchestrator -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt
fi

log=$(mktemp /tmp/lifeboat-failover-XXXXXX.log)
cp="$out/test-classes:$out/classes:events/target/classes:testkit/target/classes:$(cat "$out/bench-classpath.txt")"
java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$cp" \
  io.lifeboat.dr.bench.FailoverBench "$RUNS" 2> "$log" | tee "$log.out" || {
  echo "failover bench: the Lifeboat side failed; its log: $log" >&2; tail -30 "$log" >&2; exit 1; }
lifeboat=$(grep '^RESULT lifeboat ' "$log.out" | tail -1 || true)
[ -n "$lifeboat" ] || { echo "failover bench: no RESULT lifeboat line; its log: $log" >&2; exit 1; }

bash dr-orchestrator/src/bench/patroni.sh "$RUNS" | tee "$log.patroni"
patroni=$(grep '^RESULT patroni ' "$log.patroni" | tail -1 || true)
[ -n "$patroni" ] || { echo "failover bench: no RESULT patroni line" >&2; exit 1; }

field() { sed -E "s/.* $2=([^ ]+).*/\1/" <<< "$1"; }
lb_p50=$(field "$lifeboat" p50_s) pa_p50=$(field "$patroni" p50_s)
lb_lost=$(field "$lifeboat" lost_tx_max) pa_lost=$(field "$patroni" lost_tx_max)
ratio=$(awk -v y="$pa_p50" -v x="$lb_p50" 'BEGIN { printf "%.1f", (x > 0) ? y / x : 0 }')
lost_max=$(( lb_lost > pa_lost ? lb_lost : pa_lost ))
printf 'RESULT failover lifeboat_p50_s=%s patroni_p50_s=%s ratio=%s lost_tx_max=%d lifeboat_lost_tx_max=%d patroni_lost_tx_max=%d\n' \
  "$lb_p50" "$pa_p50" "$ratio" "$lost_max" "$lb_lost" "$pa_lost"

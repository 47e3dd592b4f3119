#!/usr/bin/env bash
# Chaos against real Lifeboat processes (ChaosBench, cli/src/test/java/io/lifeboat/cli/chaos): agents killed with
# SIGKILL mid-backup, a broker of a 3-node KRaft cluster killed while the catalog folds facts, malformed records mixed
# with valid ones on every consumed topic, and an object store failing a share of its requests. Each scenario starts
# the servers and packaged services it needs and stops them. The last line is
#   RESULT chaos lost=... duplicated=... stuck=... consumer_crashes=... deadlettered=... valid_completed=...
# Goal: lost = duplicated = stuck = consumer_crashes = 0, deadlettered = malformed, valid_completed = valid.
# Usage: ./lifeboat bench chaos [SCENARIO...]   (default: all; the bench prints the names it knows)
#        env: LIFEBOAT_BENCH_MVN_OPTS (e.g. -o to build offline)
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
[ "$(id -u)" -eq 0 ] || id -un | grep -qx postgres || {
  echo "chaos bench: run as root (PostgreSQL runs as the postgres user)" >&2; exit 2; }
services=(scheduler-service pg-agent redis-agent mongo-agent fs-agent catalog-service health-monitor dr-orchestrator)
stale() { # file: missing, or older than a source it is built from
  [ ! -f "$1" ] || [ -n "$(find "${@:2}" -newer "$1" -print -quit)" ]
}
for service in "${services[@]}"; do
  if stale "$service/target/quarkus-app/quarkus-run.jar" events/src agent-kit/src/main "$service/src/main"; then
    ./mvnw -B -q ${LIFEBOAT_BENCH_MVN_OPTS:-} -pl "$(IFS=,; echo "${services[*]}")" -am package -DskipTests
    break
  fi
done
out=cli/target
if stale "$out/bench-classpath.txt" events/src testkit/src agent-kit/src/main cli/src; then
  # -am so that the bench runs against this tree's events, testkit and agent kit, not the local repository's.
  ./mvnw -B -q ${LIFEBOAT_BENCH_MVN_OPTS:-} -pl cli -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="$out/test-classes:$out/classes:events/target/classes:testkit/target/classes:agent-kit/target/classes"
LIFEBOAT_TESTKIT=embedded exec java -Xmx3g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$cp:$(cat "$out/bench-classpath.txt")" io.lifeboat.cli.chaos.ChaosBench "$@"

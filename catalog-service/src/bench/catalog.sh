#!/usr/bin/env bash
# The catalog's Kafka Streams topology (exactly-once v2, the service's settings) on an in-JVM KRaft broker, in one
# run: phase 1 produces FACTS mixed facts over TARGETS targets as fast as possible and measures folded facts/s until
# the application's committed offsets reach the end of its input; phase 2 sends COMPLETIONS BackupCompleted at RATE/s
# to the idle application and measures the time until lifeboat.rpo shows each one's restorable point (p50/p99/max).
# Usage:
#   ./lifeboat bench catalog [FACTS=1000000] [TARGETS=10000] [PARTITIONS=3] [THREADS=1] [rocksdb|memory]
#                            [COMMIT_MS=100] [COMPLETIONS=2000] [RATE=200]
# LIFEBOAT_BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/catalog.jfr for a profile.
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
out=catalog-service/target
# Builds the module and what it needs (events, testkit) in the reactor, and writes the test class path.
if [ ! -f "$out/bench-classpath.txt" ] || [ -n "$(find catalog-service/src events/src testkit/src -newer "$out/bench-classpath.txt" -print -quit)" ]; then
  ./mvnw -B -q ${LIFEBOAT_BENCH_MVN_OPTS:-} -pl catalog-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="$out/test-classes:$out/classes:events/target/classes:testkit/target/classes"
# The broker runs in this JVM, also where a Docker engine answers; the generated facts are held encoded in memory.
LIFEBOAT_TESTKIT=embedded exec java -Xmx6g -XX:+UseParallelGC ${LIFEBOAT_BENCH_JAVA_OPTS:-} \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$cp:$(cat "$out/bench-classpath.txt")" io.lifeboat.catalog.bench.CatalogBench "$@"

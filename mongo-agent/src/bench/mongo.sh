#!/usr/bin/env bash
# 1M small documents (about 200 bytes of BSON each) in 10 collections of an in-JVM MongoDB wire server
# (mongo-java-server, in-memory, without oplog): Lifeboat's dump into the local store (zstd, AES-GCM, SHA-256, parts,
# at the agent's defaults) and its restore from there, against the driver's own bulk insert of the same documents
# (the same batch size and in-flight bound as the restore) as the ceiling, in one run: best of ROUNDS each, driver
# insert and restore in alternating order, and the median of the rounds' ratios. Usage:
#   ./lifeboat bench mongo [DOCS=1000000] [ROUNDS=3]
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
out=mongo-agent/target
# Builds the module and what it needs (events, agent-kit, testkit) in the reactor, and writes the test class path.
if [ ! -f "$out/bench-classpath.txt" ] || [ -n "$(find mongo-agent/src agent-kit/src events/src testkit/src -newer "$out/bench-classpath.txt" -print -quit)" ]; then
  ./mvnw -B -q ${LIFEBOAT_BENCH_MVN_OPTS:-} -pl mongo-agent -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="$out/test-classes:$out/classes:agent-kit/target/classes:agent-kit/target/test-classes:events/target/classes:testkit/target/classes"
# The server keeps every document in this heap, about 3 KiB each: the source database and the copy being written
# (about 3 GiB each at 1M documents), plus the generated documents the driver inserts.
java -Xmx10g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$cp:$(cat "$out/bench-classpath.txt")" io.lifeboat.agent.mongo.bench.MongoBench "$@"

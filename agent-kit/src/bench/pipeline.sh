#!/usr/bin/env bash
# Throughput and heap of the artifact pipeline (zstd, Tink streaming AEAD, SHA-256, parts) on 2 GiB of generated
# pgbench-like rows, to the local store and to S3 (S3Proxy), against the zstd command at the same level on the same
# bytes, all in one run; the local backup is restored and compared with the source. Usage:
#   ./lifeboat bench pipeline [RAW_BYTES] [ZSTD_LEVEL] [ZSTD_WORKERS] [rows|sparse]
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
command -v zstd >/dev/null || apt-get install -y zstd >/dev/null
out=agent-kit/target
# Builds the module and what it needs (events, testkit) in the reactor, and writes the test class path.
if [ ! -f "$out/bench-classpath.txt" ] || [ -n "$(find agent-kit/src events/src testkit/src -newer "$out/bench-classpath.txt" -print -quit)" ]; then
  ./mvnw -B -q -pl agent-kit -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
java -Xmx256m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$out/test-classes:$out/classes:$(cat "$out/bench-classpath.txt")" io.lifeboat.agentkit.bench.PipelineBench "$@"

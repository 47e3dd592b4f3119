#!/usr/bin/env bash
# A generated directory tree (about 2 GB at the default: 20,000 small files of 1-64 KiB, text-like and random, large
# files of 20-40 MB, 10% of the bytes copies of other files) backed up by Lifeboat's fs snapshotter into the local
# store at the fs-agent's defaults (FastCDC 256 KiB/1 MiB/4 MiB, 16 MiB packs, zstd 3, AES-GCM, readers = cores) and
# by restic into a local repository on the same disk, in one run: initial backup, unchanged re-backup, re-backup after
# changing 1% of the files, full restore; both restores compared with the source. Usage:
#   ./lifeboat bench fs [MEGABYTES=2000]
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
if ! command -v restic >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "missing restic: run as root or apt-get install -y restic" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends restic >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends restic >/dev/null; }
fi
out=fs-agent/target
# Builds the module and what it needs (events, agent-kit, testkit) in the reactor, and writes the test class path.
if [ ! -f "$out/bench-classpath.txt" ] || [ -n "$(find fs-agent/src agent-kit/src events/src testkit/src -newer "$out/bench-classpath.txt" -print -quit)" ]; then
  ./mvnw -B -q ${LIFEBOAT_BENCH_MVN_OPTS:-} -pl fs-agent -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="$out/test-classes:$out/classes:agent-kit/target/classes:agent-kit/target/test-classes:events/target/classes:testkit/target/classes"
java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$cp:$(cat "$out/bench-classpath.txt")" io.lifeboat.agent.fs.engine.FsBench "$@"

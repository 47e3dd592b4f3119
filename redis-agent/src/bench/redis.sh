#!/usr/bin/env bash
# An RDB snapshot of 1M keys (about 300 MB): Lifeboat's snapshot over the replication protocol into the local store
# (zstd, AES-GCM, SHA-256, parts, at the agent's defaults) against `redis-cli --rdb /dev/null`, which fetches the
# same RDB the same way and stores nothing, in one run: best of ROUNDS each in alternating order, and the median of
# the rounds' ratios (this machine's timings vary by a third from run to run). Usage:
#   ./lifeboat bench redis [KEYS=1000000] [ROUNDS=5]
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
pkgs=()
command -v redis-server >/dev/null || pkgs+=(redis-server)
command -v redis-cli >/dev/null || pkgs+=(redis-tools)
if [ "${#pkgs[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "missing ${pkgs[*]}: run as root or apt-get install -y ${pkgs[*]}" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null; }
fi
out=redis-agent/target
# Builds the module and what it needs (events, agent-kit, testkit) in the reactor, and writes the test class path.
if [ ! -f "$out/bench-classpath.txt" ] || [ -n "$(find redis-agent/src agent-kit/src events/src testkit/src -newer "$out/bench-classpath.txt" -print -quit)" ]; then
  ./mvnw -B -q ${LIFEBOAT_BENCH_MVN_OPTS:-} -pl redis-agent -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="$out/test-classes:$out/classes:agent-kit/target/classes:agent-kit/target/test-classes:events/target/classes:testkit/target/classes"
java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$cp:$(cat "$out/bench-classpath.txt")" io.lifeboat.agent.redis.bench.RedisBench "$@"

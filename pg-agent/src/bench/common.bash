# Shared by the pg-agent benchmarks (sourced, so not named *.sh: ./lifeboat bench lists those): installs the
# reference tools and builds the test class path once. LIFEBOAT_BENCH_MVN_OPTS=-o builds offline.
bench_prepare() {
  local pkgs=()
  command -v zstd >/dev/null || pkgs+=(zstd)
  command -v pgbackrest >/dev/null || pkgs+=(pgbackrest)
  if [ "${#pkgs[@]}" -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || { echo "missing ${pkgs[*]}: run as root or apt-get install -y ${pkgs[*]}" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null; }
  fi
  # pgBackRest, pg_ctl and the servers run as the postgres account; the test kit uses it too.
  id postgres >/dev/null 2>&1 || { echo "the postgres OS account is missing (install postgresql-15)" >&2; exit 1; }
  out=pg-agent/target
  # Builds the module and what it needs (events, agent-kit, testkit) in the reactor, and writes the test class path.
  if [ ! -f "$out/bench-classpath.txt" ] || [ -n "$(find pg-agent/src agent-kit/src events/src testkit/src -newer "$out/bench-classpath.txt" -print -quit)" ]; then
    ./mvnw -B -q ${LIFEBOAT_BENCH_MVN_OPTS:-} -pl pg-agent -am test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt
  fi
}

bench_java() {
  local cp="$out/test-classes:$out/classes:agent-kit/target/classes:events/target/classes:testkit/target/classes"
  java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "$cp:$(cat "$out/bench-classpath.txt")" "$@"
}

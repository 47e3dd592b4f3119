#!/usr/bin/env bash
# Start and stop times of every test-kit server (Kafka, PostgreSQL, Redis, S3, MongoDB), medians over N rounds.
# For PostgreSQL and Redis the reference is the bare server: pg_ctl start of an initdb'd cluster and redis-server,
# timed here in the same run. Usage: ./lifeboat bench testkit-startup [ROUNDS]
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
rounds="${1:-5}"
[ -f cli/target/classpath.txt ] || ./mvnw -B -q install -DskipTests
# Reference: the bare servers, started and stopped by hand (PostgreSQL refuses root, hence runuser).
pg_bin="${LIFEBOAT_PG_BIN:-/usr/lib/postgresql/15/bin}"
as_pg=(); [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
work="$(mktemp -d)"; chmod 755 "$work"; [ "$(id -u)" -eq 0 ] && chown postgres "$work"
trap 'rm -rf "$work"' EXIT
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -A trust --no-sync >/dev/null
ms() { date +%s%3N; }
pg_ref=(); redis_ref=()
for _ in $(seq "$rounds"); do
  t0=$(ms); "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -o "-p $((20000 + RANDOM % 20000)) -k $work -c listen_addresses=''" -w -s start -l "$work/pg.log" >/dev/null; t1=$(ms)
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -w -s stop -m fast >/dev/null
  pg_ref+=($((t1 - t0)))
  port=$((20000 + RANDOM % 20000)); t0=$(ms)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --daemonize no --dir "$work" >/dev/null & rpid=$!
  until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.01; done; t1=$(ms)
  kill "$rpid"; wait "$rpid" 2>/dev/null || true
  redis_ref+=($((t1 - t0)))
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# / 2) + 1 ))p"; }
echo "reference: bare pg_ctl start (initdb done once) ${pg_ref[*]} ms; bare redis-server ${redis_ref[*]} ms"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "cli/target/classes:$(cat cli/target/classpath.txt)" io.lifeboat.cli.bench.FixtureStartupBench "$rounds" > "$work/out"
grep -v '^RESULT ' "$work/out" || true
echo "$(grep '^RESULT ' "$work/out") ref_pg_ctl_start_ms=$(median "${pg_ref[@]}") ref_redis_start_ms=$(median "${redis_ref[@]}")"

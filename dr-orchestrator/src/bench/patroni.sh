#!/usr/bin/env bash
# The reference side of the failover benchmark: Patroni 3.0.2 with etcd-server from Debian's packages on this
# machine, two PostgreSQL 15 nodes (streaming replication), Patroni's default timing unless overridden (ttl 30,
# loop_wait 10, retry_timeout 10). Each run: a fresh cluster, a write load on the leader (one autocommit INSERT at a
# time, the last acknowledged id recorded), then the leader's node is lost - Patroni and every postgres process of
# its data directory killed with SIGKILL together (killing only the postmaster makes Patroni restart it in place,
# not fail over) - and the time until the other node accepts a write is measured, with the acknowledged
# transactions missing on it.
# Usage: ./lifeboat bench patroni [RUNS=3]      env: PATRONI_TTL, PATRONI_LOOP_WAIT, PATRONI_RETRY_TIMEOUT
set -euo pipefail
RUNS=${1:-3}
TTL=${PATRONI_TTL:-30}
LOOP_WAIT=${PATRONI_LOOP_WAIT:-10}
RETRY_TIMEOUT=${PATRONI_RETRY_TIMEOUT:-10}
PG_BIN=/usr/lib/postgresql/15/bin
ETCD_PORT=23790 ETCD_PEER=23800 API_PORT=8010 PG_PORT=5440

if ! command -v patroni >/dev/null || ! command -v etcd >/dev/null; then
  echo "installing patroni and etcd-server from Debian's packages" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q patroni etcd-server >/dev/null
fi
[ "$(id -u)" -eq 0 ] || { echo "patroni bench: run as root (PostgreSQL runs as the postgres user)" >&2; exit 2; }
psql() { "$PG_BIN/psql" -h 127.0.0.1 -U postgres -tAq "$@"; }

WORK=$(mktemp -d /tmp/lifeboat-patroni-XXXXXX)
chmod 755 "$WORK"
cleanup() {
  pkill -9 -f "patroni $WORK/" 2>/dev/null || true
  pkill -9 -f "$WORK/data" 2>/dev/null || true
  [ -f "$WORK/etcd.pid" ] && kill "$(cat "$WORK/etcd.pid")" 2>/dev/null || true
  sleep 1
  [ -n "${PATRONI_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

node_config() { # n dir run
  local n=$1 w=$2 run=$3
  cat > "$w/p$n.yml" <<YML
scope: lifeboat-bench-$run
name: node$n
restapi: {listen: 127.0.0.1:$((API_PORT + n)), connect_address: 127.0.0.1:$((API_PORT + n))}
etcd: {host: 127.0.0.1:$ETCD_PORT}
bootstrap:
  dcs: {ttl: $TTL, loop_wait: $LOOP_WAIT, retry_timeout: $RETRY_TIMEOUT, maximum_lag_on_failover: 1048576}
  initdb: [{encoding: UTF8}]
  pg_hba: [host replication replicator 127.0.0.1/32 trust, host all all 127.0.0.1/32 trust]
postgresql:
  listen: 127.0.0.1:$((PG_PORT + n))
  connect_address: 127.0.0.1:$((PG_PORT + n))
  data_dir: $w/data$n
  bin_dir: $PG_BIN
  pgpass: $w/pgpass$n
  authentication:
    replication: {username: replicator, password: rep}
    superuser: {username: postgres, password: pg}
  parameters: {unix_socket_directories: '$w'}
YML
}

wait_http() { # url seconds
  for _ in $(seq 1 "$2"); do curl -sf "$1" >/dev/null && return 0; sleep 1; done
  echo "patroni bench: $1 did not answer within $2 s" >&2; return 1
}

run_once() { # run number -> "seconds lost"
  local w="$WORK/run$1"
  mkdir -p "$w"
  etcd --name e1 --data-dir "$w/etcd" --enable-v2=true --listen-client-urls http://127.0.0.1:$ETCD_PORT \
    --advertise-client-urls http://127.0.0.1:$ETCD_PORT --listen-peer-urls http://127.0.0.1:$ETCD_PEER \
    --initial-advertise-peer-urls http://127.0.0.1:$ETCD_PEER --initial-cluster e1=http://127.0.0.1:$ETCD_PEER \
    > "$w/etcd.log" 2>&1 &
  echo $! > "$WORK/etcd.pid"
  node_config 1 "$w" "$1"; node_config 2 "$w" "$1"
  chown -R postgres "$w"
  wait_http "http://127.0.0.1:$ETCD_PORT/version" 30
  su postgres -c "setsid patroni $w/p1.yml > $w/p1.log 2>&1 & echo \$! > $w/p1.pid"
  wait_http "http://127.0.0.1:$((API_PORT + 1))/primary" 90
  su postgres -c "setsid patroni $w/p2.yml > $w/p2.log 2>&1 & echo \$! > $w/p2.pid"
  wait_http "http://127.0.0.1:$((API_PORT + 2))/replica" 120
  psql -p $((PG_PORT + 1)) -c "create table load(id bigserial primary key, at timestamptz default now())"
  # The load starts once the standby streams and has the table: a loss is then the replication's, not the setup's.
  for _ in $(seq 1 300); do
    [ "$(psql -p $((PG_PORT + 2)) -c "select to_regclass('load') is not null" 2>/dev/null)" = "t" ] && break
    sleep 0.2
  done
  ( while id=$(psql -p $((PG_PORT + 1)) -c "insert into load default values returning id" 2>/dev/null); do
      echo "$id" > "$w/acked"; done ) &
  local load=$!
  sleep 5
  local t0 t1
  t0=$(date +%s.%N)
  kill -9 "$(cat "$w/p1.pid")" $(pgrep -f "$w/data1" || true) 2>/dev/null || true
  wait "$load" 2>/dev/null || true
  # Writable = a transaction id can be assigned (a standby in recovery refuses); give up after 5 minutes.
  local deadline=$(( $(date +%s) + 300 ))
  until psql -p $((PG_PORT + 2)) -c "select txid_current()" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "patroni bench: node2 not writable 5 min after the kill" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  local acked present
  acked=$(cat "$w/acked")
  present=$(psql -p $((PG_PORT + 2)) -c "select count(*) from load where id <= $acked" 2>/dev/null || echo 0)
  echo "$(echo "$t1 - $t0" | bc -l) $((acked - present)) $acked"
  pkill -9 -f "patroni $w/" 2>/dev/null || true
  pkill -9 -f "$w/data" 2>/dev/null || true
  kill -9 "$(cat "$WORK/etcd.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  # The next run's etcd and nodes need the ports back.
  while curl -sf "http://127.0.0.1:$ETCD_PORT/version" >/dev/null 2>&1; do sleep 0.2; done
  sleep 1
}

results=()
lost_max=0
for run in $(seq 1 "$RUNS"); do
  read -r seconds lost acked < <(run_once "$run")
  printf 'run %d: standby accepted writes %.2f s after the leader node was killed; %d of %d acknowledged inserts lost\n' \
    "$run" "$seconds" "$lost" "$acked"
  results+=("$seconds")
  [ "$lost" -gt "$lost_max" ] && lost_max=$lost
done
p50=$(printf '%s\n' "${results[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
max=$(printf '%s\n' "${results[@]}" | sort -g | tail -1)
printf 'RESULT patroni runs=%d ttl=%d loop_wait=%d p50_s=%.2f max_s=%.2f lost_tx_max=%d\n' \
  "$RUNS" "$TTL" "$LOOP_WAIT" "$p50" "$max" "$lost_max"

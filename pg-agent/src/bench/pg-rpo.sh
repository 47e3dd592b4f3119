#!/usr/bin/env bash
# Recovery point of continuous WAL archiving: a steady commit load on a pgbench database, the primary stopped as a
# crash would (pg_ctl stop -m immediate), Lifeboat restores the latest point, and every acknowledged commit missing
# from the restored data is counted and converted into seconds. Usage:
#   ./lifeboat bench pg-rpo [SCALE=130] [LOAD_SECONDS=20] [CLIENTS=4]
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
source pg-agent/src/bench/common.bash
bench_prepare
bench_java io.lifeboat.agent.pg.bench.PgRpoBench "$@"

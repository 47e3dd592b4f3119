#!/usr/bin/env bash
# Restore of a FULL backup of a pgbench database plus about 500 MB of WAL archived after it: Lifeboat (its
# WalArchiver streaming from a slot, restore through its WAL spool) against pgBackRest 2.45 (archive-push as the
# server's archive_command, restore + archive-get), both timed to "server ready and promoted", row counts of both
# restored servers compared with the source, in one run. Usage:
#   ./lifeboat bench pg-restore [SCALE=130] [WAL_MB=500*SCALE/130]
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
source pg-agent/src/bench/common.bash
bench_prepare
bench_java io.lifeboat.agent.pg.bench.PgRestoreBench "$@"

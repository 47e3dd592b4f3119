#!/usr/bin/env bash
# FULL backup of a pgbench database: Lifeboat at its defaults (local store, and S3Proxy reported separately) against
# pgBackRest 2.45 (zst at its default level, process-max=2, posix repo on the same disk) and the compression ceiling
# pg_basebackup -D - -Ft -Xf | zstd -T0 -3 > file, all in one run, best of ROUNDS each. Usage:
#   ./lifeboat bench pg-backup [SCALE=130] [ROUNDS=2]        # scale 130 is about 2 GB; 10 runs in a minute
set -euo pipefail
cd "${LIFEBOAT_HOME:?}"
source pg-agent/src/bench/common.bash
bench_prepare
bench_java io.lifeboat.agent.pg.bench.PgBackupBench "$@"

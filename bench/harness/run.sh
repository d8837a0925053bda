#!/usr/bin/env bash
# The shared side-by-side harness (../shared/bench/run.sh), plus the agent with compression on.
#
#   bench/harness/run.sh agent file-http-zstd SIZE_MIB   agent -> zstd JSON arrays -> this folder's sink_http.py
#   bench/harness/run.sh agent file-http-gzip SIZE_MIB   the same with gzip
#   bench/harness/run.sh ANYTHING ELSE                   handed to the shared run.sh unchanged
#
# Origin: wraps ../shared/bench/run.sh (not a copy). Changed: the two scenarios above run bench_compressed.py;
# PROJECT defaults to this checkout. SHARED_BENCH names the shared harness folder (default: ../shared/bench
# beside the checkout, else /work/shared/bench). The rest of the environment is the shared harness's.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHECKOUT="$(cd "$HERE/../.." && pwd)"
export PROJECT="${PROJECT:-$CHECKOUT}"
# shellcheck source=shared_bench.sh
source "$HERE/shared_bench.sh"
export BENCH_CACHE="${BENCH_CACHE:-/tmp/logbench-cache}"

case "${2:-}" in
  file-http-zstd|file-http-gzip)
    if [ $# -ne 3 ]; then sed -n '2,10p' "$0" >&2; exit 2; fi
    exec python3 "$HERE/bench_compressed.py" "$@";;
  *)
    exec "$SHARED_BENCH/run.sh" "$@";;
esac

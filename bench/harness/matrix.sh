#!/usr/bin/env bash
# The shared matrix.sh (../shared/bench/matrix.sh) over this folder's run.sh, so compressed agent runs can be
# interleaved with the others: A B C A B C ..., one JSON line per run appended to OUT.jsonl.
#
#   bench/harness/matrix.sh OUT.jsonl REPEATS "SIZE..." "PEER:SCENARIO ..."
#   e.g. bench/harness/matrix.sh /tmp/z.jsonl 3 "1024" "agent:file-http agent:file-http-zstd syslog-ng:file-http"
#   then: python3 ../shared/bench/report.py /tmp/z.jsonl
#
# Origin: a copy of the shared matrix.sh. Changed: runs this folder's run.sh; generates files through the
# shared bench.py (found as run.sh finds it); default pairs are the agent's HTTP scenarios.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?OUT.jsonl}"; reps="${2:-3}"; sizes="${3:-256 1024}"
pairs="${4:-agent:file-http agent:file-http-zstd agent:file-http-gzip}"
# shellcheck source=shared_bench.sh
source "$HERE/shared_bench.sh"
for size in $sizes; do
  # generate the file up front so generation never overlaps a timed run
  (cd "$SHARED_BENCH" && QUIET=1 python3 -c "import bench,sys; bench.ensure_logfile(float(sys.argv[1]) if '.' in sys.argv[1] else int(sys.argv[1]))" "$size")
  for ((r = 1; r <= reps; r++)); do
    for pair in $pairs; do
      peer="${pair%%:*}"; scen="${pair##*:}"
      line="$("$HERE/run.sh" "$peer" "$scen" "$size" 2>/dev/null | tail -n 1)"
      echo "$line" | tee -a "$out"
      sleep "${PAUSE:-2}"
    done
  done
done

# Sourced by run.sh and matrix.sh: sets and exports SHARED_BENCH, the shared side-by-side harness folder
# ($SHARED_BENCH if set, else ../shared/bench beside this checkout, else /work/shared/bench).
if [ -z "${SHARED_BENCH:-}" ]; then
  for d in "$(dirname "${BASH_SOURCE[0]}")/../../../shared/bench" /work/shared/bench; do
    if [ -f "$d/bench.py" ]; then SHARED_BENCH="$(cd "$d" && pwd)"; break; fi
  done
fi
if [ -z "${SHARED_BENCH:-}" ]; then echo "shared harness not found; set SHARED_BENCH=/path/to/shared/bench" >&2; exit 2; fi
export SHARED_BENCH

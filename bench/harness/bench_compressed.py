#!/usr/bin/env python3
"""The shared harness's runner for the agent with compression on (called by run.sh).

    bench_compressed.py agent file-http-zstd|file-http-gzip SIZE_MIB

Origin: ../shared/bench/bench.py (the shared side-by-side harness), imported, not copied: the file, the
measurements, the clean-up and the JSON line are exactly the shared ones. What changes:
  * the HTTP sink is this folder's sink_http.py, which decodes zstd through libzstd.so.1;
  * the agent runs with DD_LOGS_CONFIG_USE_COMPRESSION=true and DD_LOGS_CONFIG_COMPRESSION_KIND=zstd|gzip
    (the environment wins over the use_compression: false of the config the shared runner writes); a level
    can be set the same way (DD_LOGS_CONFIG_ZSTD_COMPRESSION_LEVEL, DD_LOGS_CONFIG_COMPRESSION_LEVEL);
  * the result says scenario "file-http-zstd" or "file-http-gzip" and carries "compression", so
    ../shared/bench/report.py keeps these runs apart from uncompressed file-http runs.
SHARED_BENCH names the shared harness folder (run.sh sets it).
"""
import json
import os
import signal
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = {"file-http-zstd": "zstd", "file-http-gzip": "gzip"}
LEVEL_VARS = {"zstd": "DD_LOGS_CONFIG_ZSTD_COMPRESSION_LEVEL", "gzip": "DD_LOGS_CONFIG_COMPRESSION_LEVEL"}


def shared_bench():
    d = os.environ.get("SHARED_BENCH")  # run.sh sets it (shared_bench.sh)
    if not d or not os.path.isfile(os.path.join(d, "bench.py")):
        sys.exit("bench_compressed.py: run it through run.sh, or set SHARED_BENCH=/path/to/shared/bench")
    return d


sys.path.insert(0, shared_bench())
import bench as shared  # noqa: E402


def run_with_this_sink(peer, size_mib):
    # shared.run() finds sink_http.py through its module global HERE. This copy of the function sees this folder
    # as HERE, so it starts this folder's sink; the functions it calls keep the shared HERE (gen.py, sink_tcp.c).
    run = types.FunctionType(shared.run.__code__, dict(vars(shared), HERE=HERE), "run", shared.run.__defaults__)
    return run(peer, "file-http", size_mib)


def main(argv):
    signal.signal(signal.SIGTERM, shared._term)
    signal.signal(signal.SIGHUP, shared._term)
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    peer, scenario = argv[1], argv[2]
    if peer != "agent" or scenario not in SCENARIOS:
        print(json.dumps({"peer": peer, "scenario": scenario,
                          "error": f"only the agent peer with {' or '.join(SCENARIOS)}"}))
        return 2
    kind = SCENARIOS[scenario]
    os.environ["DD_LOGS_CONFIG_USE_COMPRESSION"] = "true"
    os.environ["DD_LOGS_CONFIG_COMPRESSION_KIND"] = kind
    try:
        size = float(argv[3])
        res = run_with_this_sink(peer, int(size) if size.is_integer() else size)
    except shared.BenchError as e:
        print(json.dumps({"peer": peer, "scenario": scenario, "error": str(e)}))
        return 2
    res["scenario"] = scenario
    res["compression"] = kind
    res["compression_level"] = os.environ.get(LEVEL_VARS[kind]) or "default"
    print(json.dumps(res))
    return 1 if "error" in res or res["lost"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

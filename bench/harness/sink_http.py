#!/usr/bin/env python3
"""HTTP sink for the log-shipper benchmark, with zstd.

Origin: a copy of ../shared/bench/sink_http.py (the shared side-by-side harness).
Changed: `Content-Encoding: zstd` is decoded with the system's libzstd.so.1
through ctypes (Debian's libzstd1) instead of the `zstandard` module, which is
not installed here; a body that is not valid zstd answers 400. Frames with a
content size in their header (zstd-jni's one-shot compress) are decoded in one
call; frames without one (streaming compressors) through ZSTD_decompressStream.
Everything else is as in the shared sink.

    sink_http.py --port-file F --stats F [--port P] [--expect N] [--seq [MAXSEQ]]
                 [--status CODE] [--sample FILE]

Listens on 127.0.0.1 only (port 0 = kernel-chosen, written to --port-file).
Accepts POST (any path; the agent uses /api/v2/logs) with a JSON array or
newline-delimited JSON body, Content-Length or chunked, optionally
Content-Encoding gzip/deflate/zstd (zstd through libzstd.so.1). A record = one
occurrence of `seq=` in the decoded body. Answers 200 with `{}` (HTTP/1.1 keep-alive). GET/HEAD answer 200.

Stats (written atomically every 0.5 s and as soon as the target is reached)
use the same keys as sink_tcp: lines (= records), bytes (decoded body bytes),
wire_bytes, records, distinct, dups, requests, conns, t_first, t_last, t_done,
now, seq_mode, first_body_json (the first non-empty body parsed as JSON or
NDJSON). Times are time.monotonic() = CLOCK_MONOTONIC.
With --seq every seq=<digits> is recorded in a bitmap (loss/dup check).
"""
import argparse
import ctypes
import json
import os
import re
import signal
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer



class ZstdError(Exception):
    pass


class _InBuffer(ctypes.Structure):
    _fields_ = [("src", ctypes.c_void_p), ("size", ctypes.c_size_t), ("pos", ctypes.c_size_t)]


class _OutBuffer(ctypes.Structure):
    _fields_ = [("dst", ctypes.c_void_p), ("size", ctypes.c_size_t), ("pos", ctypes.c_size_t)]


class Zstd:
    """zstd decompression over libzstd.so.1; thread-safe (decompression contexts are pooled)."""
    CONTENTSIZE_UNKNOWN = (1 << 64) - 1
    CONTENTSIZE_ERROR = (1 << 64) - 2
    RESET_SESSION_ONLY = 1
    STREAM_OUT = 1 << 20

    def __init__(self, name="libzstd.so.1"):
        z = ctypes.CDLL(name)
        size_t, vp = ctypes.c_size_t, ctypes.c_void_p
        z.ZSTD_isError.restype, z.ZSTD_isError.argtypes = ctypes.c_uint, [size_t]
        z.ZSTD_getErrorName.restype, z.ZSTD_getErrorName.argtypes = ctypes.c_char_p, [size_t]
        z.ZSTD_createDCtx.restype, z.ZSTD_createDCtx.argtypes = vp, []
        z.ZSTD_DCtx_reset.restype, z.ZSTD_DCtx_reset.argtypes = size_t, [vp, ctypes.c_int]
        z.ZSTD_findDecompressedSize.restype = ctypes.c_ulonglong
        z.ZSTD_findDecompressedSize.argtypes = [ctypes.c_char_p, size_t]
        z.ZSTD_decompressDCtx.restype = size_t
        z.ZSTD_decompressDCtx.argtypes = [vp, vp, size_t, ctypes.c_char_p, size_t]
        z.ZSTD_decompressStream.restype = size_t
        z.ZSTD_decompressStream.argtypes = [vp, ctypes.POINTER(_OutBuffer), ctypes.POINTER(_InBuffer)]
        self.z = z
        self.idle = []  # DCtx pointers not in use; one per concurrent request at most
        self.lock = threading.Lock()

    def _check(self, code):
        if self.z.ZSTD_isError(code):
            raise ZstdError(self.z.ZSTD_getErrorName(code).decode())
        return code

    def decompress(self, raw):
        with self.lock:
            dctx = self.idle.pop() if self.idle else self.z.ZSTD_createDCtx()
        try:
            self._check(self.z.ZSTD_DCtx_reset(dctx, self.RESET_SESSION_ONLY))
            size = self.z.ZSTD_findDecompressedSize(raw, len(raw))
            if size == self.CONTENTSIZE_ERROR:
                raise ZstdError("not a valid zstd frame")
            if size == self.CONTENTSIZE_UNKNOWN:
                return self._stream(dctx, raw)
            out = bytearray(size)
            dst = (ctypes.c_char * size).from_buffer(out) if size else None
            n = self._check(self.z.ZSTD_decompressDCtx(dctx, dst, size, raw, len(raw)))
            if n != size:
                raise ZstdError(f"decoded {n} bytes, the frame header announced {size}")
            return out
        finally:
            with self.lock:
                self.idle.append(dctx)

    def _stream(self, dctx, raw):
        chunk = ctypes.create_string_buffer(self.STREAM_OUT)
        inb = _InBuffer(ctypes.cast(raw, ctypes.c_void_p), len(raw), 0)
        parts = []
        while True:
            outb = _OutBuffer(ctypes.cast(chunk, ctypes.c_void_p), self.STREAM_OUT, 0)
            left = self._check(self.z.ZSTD_decompressStream(dctx, ctypes.byref(outb), ctypes.byref(inb)))
            parts.append(ctypes.string_at(chunk, outb.pos))
            # a full output buffer may hide more decoded bytes; otherwise stop once the input is used up
            if inb.pos == inb.size and outb.pos < outb.size:
                if left != 0:
                    raise ZstdError("truncated zstd frame")
                return b"".join(parts)


ZSTD = Zstd()

SEQ_RE = re.compile(rb"seq=(\d+)")


class Stats:
    def __init__(self, path, expect, seq_mode, maxseq):
        self.path = path
        self.expect = expect
        self.seq_mode = seq_mode
        self.lock = threading.Lock()
        self.records = self.bytes = self.wire_bytes = self.requests = self.conns = 0
        self.distinct = self.dups = 0
        self.t_first = self.t_last = self.t_done = -1.0
        self.bitmap = bytearray(maxseq + 1 if seq_mode and maxseq else 0)
        self.sample_path = None
        self.first_body_json = None  # is the first non-empty body valid JSON (array or NDJSON)?

    def add(self, body, wire_len, headers):
        t = time.monotonic()
        if self.first_body_json is None and body.strip():
            self.first_body_json = valid_json(body)
            if self.sample_path:
                with open(self.sample_path, "wb") as f:
                    f.write(str(headers).encode() + b"\n" + body[:65536])
        n = body.count(b"seq=")
        seqs = SEQ_RE.findall(body) if self.seq_mode else None
        with self.lock:
            if self.t_first < 0:
                self.t_first = t
            self.t_last = t
            self.requests += 1
            self.records += n
            self.bytes += len(body)
            self.wire_bytes += wire_len
            if seqs is not None:
                bm = self.bitmap
                for s in seqs:
                    i = int(s)
                    if i >= len(bm):
                        bm.extend(bytes(max(i + 1 - len(bm), len(bm))))
                    if bm[i]:
                        self.dups += 1
                    else:
                        bm[i] = 1
                        self.distinct += 1
            done_now = False
            if self.expect and self.t_done < 0:
                have = self.distinct if self.seq_mode else self.records
                if have >= self.expect:
                    self.t_done = t
                    done_now = True
        if done_now:
            self.write()

    def write(self):
        with self.lock:
            d = {"lines": self.records, "bytes": self.bytes, "wire_bytes": self.wire_bytes,
                 "records": self.records, "distinct": self.distinct, "dups": self.dups,
                 "requests": self.requests, "conns": self.conns, "t_first": self.t_first,
                 "t_last": self.t_last, "t_done": self.t_done, "now": time.monotonic(),
                 "seq_mode": self.seq_mode, "first_body_json": self.first_body_json}
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(d, f)
            f.write("\n")
        os.replace(tmp, self.path)


STATS = None
STATUS = 200


def valid_json(body):
    try:
        json.loads(body)
        return True
    except ValueError:
        pass
    try:  # newline-delimited JSON
        for line in body.splitlines():
            if line.strip():
                json.loads(line)
        return True
    except ValueError:
        return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    rbufsize = 1 << 20

    def setup(self):
        super().setup()
        # headers and body go out in one write; no Nagle/delayed-ACK stalls
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with STATS.lock:
            STATS.conns += 1

    def log_message(self, fmt, *args):  # silence per-request logging
        pass

    def _read_body(self):
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            parts = []
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                parts.append(self.rfile.read(size))
                self.rfile.readline(3)
            return b"".join(parts)
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def _reply(self, code=None, body=b"{}"):
        code = code or STATUS
        self.log_request(code)
        head = (f"HTTP/1.1 {code} {'OK' if code < 300 else 'ERR'}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n")
        if self.close_connection:
            head += "Connection: close\r\n"
        head += "\r\n"
        self.wfile.write(head.encode() + (body if self.command != "HEAD" else b""))

    def do_POST(self):
        raw = self._read_body()
        enc = (self.headers.get("Content-Encoding") or "").lower().strip()
        try:
            if enc in ("gzip", "x-gzip"):
                body = zlib.decompress(raw, 16 + zlib.MAX_WBITS)
            elif enc == "deflate":
                body = zlib.decompress(raw)
            elif enc == "zstd":
                body = ZSTD.decompress(raw)
            elif enc in ("", "identity"):
                body = raw
            else:
                self._reply(415, json.dumps({"error": f"unsupported Content-Encoding {enc!r}"}).encode())
                return
        except (zlib.error, ZstdError) as e:
            self._reply(400, json.dumps({"error": str(e)}).encode())
            return
        STATS.add(body, len(raw), self.headers)
        self._reply()

    do_PUT = do_POST

    def do_GET(self):
        self._reply(200)

    do_HEAD = do_GET


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True


def main():
    global STATS, STATUS
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--stats", required=True)
    ap.add_argument("--expect", type=int, default=0)
    ap.add_argument("--seq", nargs="?", type=int, const=0, default=None)
    ap.add_argument("--status", type=int, default=200)
    ap.add_argument("--sample", help="write the first request's headers + body (64 KiB) here")
    a = ap.parse_args()
    STATUS = a.status
    STATS = Stats(a.stats, a.expect, a.seq is not None, a.seq or 0)
    STATS.sample_path = a.sample
    srv = Server(("127.0.0.1", a.port), Handler)  # loopback only
    srv.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    STATS.write()
    if a.port_file:
        with open(a.port_file + ".tmp", "w") as f:
            f.write(f"{srv.server_address[1]}\n")
        os.replace(a.port_file + ".tmp", a.port_file)

    stop = threading.Event()

    def ticker():
        while not stop.wait(0.5):
            STATS.write()

    threading.Thread(target=ticker, daemon=True).start()

    def on_term(signum, frame):
        stop.set()
        threading.Thread(target=srv.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    try:
        srv.serve_forever(poll_interval=0.2)
    finally:
        STATS.write()
    return 0


if __name__ == "__main__":
    sys.exit(main())

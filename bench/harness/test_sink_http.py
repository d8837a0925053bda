#!/usr/bin/env python3
"""Checks this folder's sink_http.py decodes what the agent can send: zstd frames with and without a content size,
several frames in one body, gzip; and refuses a body that is not zstd. Runs the sink as a process on 127.0.0.1.

    python3 bench/harness/test_sink_http.py
"""
import ctypes
import gzip
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
Z = ctypes.CDLL("libzstd.so.1")
Z.ZSTD_compressBound.restype, Z.ZSTD_compressBound.argtypes = ctypes.c_size_t, [ctypes.c_size_t]
Z.ZSTD_compress.restype = ctypes.c_size_t
Z.ZSTD_compress.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
Z.ZSTD_createCCtx.restype = ctypes.c_void_p
Z.ZSTD_freeCCtx.argtypes = [ctypes.c_void_p]
Z.ZSTD_isError.restype, Z.ZSTD_isError.argtypes = ctypes.c_uint, [ctypes.c_size_t]
Z.ZSTD_getFrameContentSize.restype = ctypes.c_ulonglong
Z.ZSTD_getFrameContentSize.argtypes = [ctypes.c_char_p, ctypes.c_size_t]


class _Buffer(ctypes.Structure):
    _fields_ = [("ptr", ctypes.c_void_p), ("size", ctypes.c_size_t), ("pos", ctypes.c_size_t)]


Z.ZSTD_compressStream2.restype = ctypes.c_size_t
Z.ZSTD_compressStream2.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Buffer), ctypes.POINTER(_Buffer), ctypes.c_int]
E_CONTINUE, E_END = 0, 2
CONTENTSIZE_UNKNOWN = (1 << 64) - 1


def zstd_one_shot(data):
    """Like zstd-jni's Zstd.compress: the frame header carries the content size."""
    cap = Z.ZSTD_compressBound(len(data))
    out = ctypes.create_string_buffer(cap)
    n = Z.ZSTD_compress(out, cap, data, len(data), 1)
    assert not Z.ZSTD_isError(n)
    return out.raw[:n]


def zstd_streamed(data):
    """A streaming compressor that starts before it knows the size: no content size in the frame header."""
    cctx = Z.ZSTD_createCCtx()
    try:
        cap = Z.ZSTD_compressBound(len(data)) + 1024
        out = ctypes.create_string_buffer(cap)
        outb = _Buffer(ctypes.cast(out, ctypes.c_void_p), cap, 0)
        half = len(data) // 2
        for piece, mode in ((data[:half], E_CONTINUE), (data[half:], E_END)):
            inb = _Buffer(ctypes.cast(piece, ctypes.c_void_p), len(piece), 0)
            while True:
                left = Z.ZSTD_compressStream2(cctx, ctypes.byref(outb), ctypes.byref(inb), mode)
                assert not Z.ZSTD_isError(left)
                if inb.pos == inb.size and (mode == E_CONTINUE or left == 0):
                    break
        return out.raw[:outb.pos]
    finally:
        Z.ZSTD_freeCCtx(cctx)


def body(first, count):
    return json.dumps([{"message": f"line seq={i} " + "x" * (i % 50)} for i in range(first, first + count)]).encode()


class SinkHttpDecodesCompressedBodies(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.stats = os.path.join(self.dir.name, "stats")
        port_file = os.path.join(self.dir.name, "port")
        self.sink = subprocess.Popen([sys.executable, os.path.join(HERE, "sink_http.py"), "--port-file", port_file,
                                      "--stats", self.stats, "--seq", "100000"])
        deadline = time.time() + 10
        while not os.path.exists(port_file):
            self.assertLess(time.time(), deadline, "sink did not start")
            time.sleep(0.02)
        with open(port_file) as f:
            self.conn = http.client.HTTPConnection("127.0.0.1", int(f.read()), timeout=10)

    def tearDown(self):
        self.conn.close()
        self.sink.terminate()
        self.sink.wait(10)
        self.dir.cleanup()

    def post(self, payload, encoding):
        self.conn.request("POST", "/api/v2/logs", payload, {"Content-Encoding": encoding})
        response = self.conn.getresponse()
        return response.status, response.read()

    def counted(self):
        self.sink.send_signal(15)
        self.sink.wait(10)
        with open(self.stats) as f:
            return json.load(f)

    def test_decodes_frames_with_and_without_content_size_and_several_frames_in_one_body(self):
        known, unknown = zstd_one_shot(body(0, 1000)), zstd_streamed(body(1000, 3000))
        self.assertNotEqual(Z.ZSTD_getFrameContentSize(known, len(known)), CONTENTSIZE_UNKNOWN)
        self.assertEqual(Z.ZSTD_getFrameContentSize(unknown, len(unknown)), CONTENTSIZE_UNKNOWN)
        big = zstd_streamed(b"\n".join(body(i * 1000, 1000) for i in range(4, 40)))  # decodes past one 1 MiB buffer
        self.assertEqual(self.post(known, "zstd")[0], 200)
        self.assertEqual(self.post(unknown, "zstd")[0], 200)
        self.assertEqual(self.post(big, "zstd")[0], 200)
        self.assertEqual(self.post(zstd_one_shot(body(40000, 10)) + zstd_streamed(body(40010, 10)), "zstd")[0], 200)
        self.assertEqual(self.post(gzip.compress(body(40020, 5)), "gzip")[0], 200)
        stats = self.counted()
        self.assertEqual((stats["distinct"], stats["dups"], stats["first_body_json"]), (40025, 0, True))

    def test_refuses_a_body_that_is_not_zstd(self):
        status, answer = self.post(b"not zstd at all", "zstd")
        self.assertEqual(status, 400)
        self.assertIn("error", json.loads(answer))
        truncated = zstd_streamed(body(0, 100))[:-8]
        self.assertEqual(self.post(truncated, "zstd")[0], 400)
        self.assertEqual(self.counted()["records"], 0)


if __name__ == "__main__":
    unittest.main()

"""A minimal LSP client for the benchmarks: drives dossier-ls over pipes as an editor does.

Python rather than tests/support/lsp_client.h because tests/bench/run builds nothing: it measures
whatever binary build/release holds, from a separate process, like an editor would. The client adds
well under a millisecond per request (JSON encode/decode of small messages).
"""
import io
import json
import os
import subprocess
import threading
import time


class LspClient:
    def __init__(self, binary, args=("--log=warning",), stderr_path=None):
        """stderr_path: keep the server's log there (with --log=debug it says how long each request
        took on the server's side), else drop it."""
        stderr = open(stderr_path, "wb") if stderr_path else subprocess.DEVNULL
        self.proc = subprocess.Popen([binary, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr, bufsize=0)
        if stderr_path:
            stderr.close()  # the child has its own copy
        self.started = time.perf_counter()
        self.lock = threading.Condition()
        self.write_lock = threading.Lock()
        self.responses = {}
        self.next_id = 1
        self.progress_end = None  # perf_counter time of the $/progress "end"
        self.progress_percent = 0  # the last reported percentage, for runs that time out
        self.diagnostics = []  # (time, uri, version)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # --- wire ---
    def _send(self, message):
        body = json.dumps(message).encode()
        with self.write_lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read(self):
        # Buffered, and the body gathered in one bytearray: with the raw pipe (bufsize=0) every
        # header byte was a read(2), and a 10 MB answer arrived in 64 KB chunks whose repeated
        # `bytes +=` copied the body ~160 times (hundreds of ms counted against the server).
        stream = io.BufferedReader(self.proc.stdout, buffer_size=1 << 20)
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    with self.lock:
                        self.lock.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = bytearray()
            while len(body) < length:
                chunk = stream.read(length - len(body))
                if not chunk:
                    return
                body.extend(chunk)
            now = time.perf_counter()
            self._dispatch(json.loads(body), now)

    def _dispatch(self, message, now):
        if "method" in message and "id" in message:  # a request from the server: accept it
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            return
        method = message.get("method")
        with self.lock:
            if method is None:
                self.responses[message.get("id")] = (now, message)
            elif method == "$/progress" and message["params"]["value"].get("kind") == "end":
                self.progress_end = now
            elif method == "$/progress":
                self.progress_percent = message["params"]["value"].get("percentage", self.progress_percent)
            elif method == "textDocument/publishDiagnostics":
                params = message["params"]
                self.diagnostics.append((now, params["uri"], params.get("version")))
            self.lock.notify_all()

    # --- API ---
    def send_request(self, method, params):
        with self.lock:
            request_id = self.next_id
            self.next_id += 1
        sent = time.perf_counter()
        self._send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        return request_id, sent

    def wait_response(self, request_id, timeout=120):
        deadline = time.perf_counter() + timeout
        with self.lock:
            while request_id not in self.responses:
                left = deadline - time.perf_counter()
                if left <= 0 or self.proc.poll() is not None:
                    raise TimeoutError(f"no answer to request {request_id}")
                self.lock.wait(left)
            return self.responses.pop(request_id)

    def request(self, method, params, timeout=120):
        """Returns (seconds from send to answer, the answer message)."""
        request_id, sent = self.send_request(method, params)
        received, message = self.wait_response(request_id, timeout)
        return received - sent, message

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, predicate, timeout):
        deadline = time.perf_counter() + timeout
        with self.lock:
            while not predicate():
                left = deadline - time.perf_counter()
                if left <= 0 or self.proc.poll() is not None:
                    return False
                self.lock.wait(min(left, 0.5))
            return True

    def wait_diagnostics(self, uri, version, timeout=30):
        found = []

        def seen():
            for when, u, v in self.diagnostics:
                if u == uri and v == version:
                    found.append(when)
                    return True
            return False

        return found[0] if self.wait_for(seen, timeout) else None

    def peak_rss_bytes(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return None

    def close(self):
        try:
            self.request("shutdown", None, timeout=30)
            self.notify("exit", None)
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def initialize_params(root):
    uri = "file://" + os.path.abspath(root)
    return {
        "processId": os.getpid(),
        "rootUri": uri,
        "workspaceFolders": [{"uri": uri, "name": os.path.basename(root)}],
        "capabilities": {
            "general": {"positionEncodings": ["utf-8", "utf-16"]},
            "window": {"workDoneProgress": True},
            "textDocument": {"publishDiagnostics": {"versionSupport": True},
                             "hover": {"contentFormat": ["markdown", "plaintext"]}},
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
        },
    }

"""A minimal LSP client for the real yaml-language-server (what VS Code's YAML extension runs).

It opens a data file the way the editor does (the ``# yaml-language-server: $schema=…`` line
points at the schema beside it) and returns the diagnostics the server publishes.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path

from tests.conftest import ROOT


def server_command() -> list[str] | None:
    for candidate in (os.environ.get("YAML_LANGUAGE_SERVER"),
                      ROOT / ".ci" / "node" / "node_modules" / ".bin" / "yaml-language-server",
                      shutil.which("yaml-language-server")):
        if candidate and os.path.isfile(candidate) and shutil.which("node"):
            return [str(candidate), "--stdio"]
    return None


class YamlLanguageServer:
    def __init__(self, root: Path):
        self.proc = subprocess.Popen(server_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, cwd=root)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(),
                                    "capabilities": {"workspace": {"configuration": True},
                                                     "textDocument": {"publishDiagnostics": {}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration",
                    {"settings": {"yaml": {"validate": True, "schemaStore": {"enable": False}}}})

    def _read(self):
        stream = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def _send(self, message: dict):
        data = json.dumps(message, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(f"Content-Length: {len(data)}\r\n\r\n".encode("ascii") + data)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        ident = self.next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self._next(60)
            if message.get("id") == ident and "method" not in message:
                return message

    def _next(self, timeout: float) -> dict:
        message = self.messages.get(timeout=timeout)
        if "method" in message and "id" in message:        # a request from the server: answer it
            result = [{"validate": True, "schemaStore": {"enable": False}}] * len(
                message.get("params", {}).get("items", [])) if message["method"] == "workspace/configuration" else None
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
        return message

    def diagnostics(self, path: Path, text: str, timeout: float = 60) -> list[dict]:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        while True:
            message = self._next(timeout)
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]["diagnostics"]

    def close(self):
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()

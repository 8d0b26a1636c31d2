"""`mkdocs serve` rebuilds when the data file changes, reports bad data cleanly, and recovers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import copy_project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, project, port):
        self.url = f"http://127.0.0.1:{port}/"
        self.output: list[str] = []
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": self.url}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],  # as make serve
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.output.append(line)

    def page(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            return response.read().decode("utf-8")

    def wait_for(self, condition, what: str, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except OSError:
                pass
            time.sleep(0.3)
        pytest.fail(f"timed out waiting for {what}; server said:\n{''.join(self.output)}")


@pytest.fixture
def server(tmp_path):
    project = copy_project(tmp_path / "project")
    running = Server(project, free_port())
    running.project = project
    try:
        running.wait_for(lambda: "<table>" in running.page("compare/expertise.html"), "the first build")
        yield running
    finally:
        running.process.terminate()
        running.process.wait(timeout=10)


def test_serve_reloads_data_reports_errors_and_recovers(server):
    data = server.project / "data/roles.yml"
    original = data.read_text(encoding="utf-8")

    data.write_text(original.replace("title: Python or R", "title: Python, R or Julia"), encoding="utf-8")
    server.wait_for(lambda: "Python, R or Julia" in server.page("compare/expertise.html"), "the data change to show")

    data.write_text(original.replace("title: Python or R", "title: [Python"), encoding="utf-8")
    server.wait_for(lambda: "not valid YAML" in "".join(server.output), "the YAML error")
    log = "".join(server.output)
    assert "data/roles.yml:" in log and "Traceback" not in log
    assert "does not contain an anchor" not in log  # the last good data keeps rendering: one clear error
    assert server.process.poll() is None, "the server stopped"
    server.wait_for(lambda: "The data file has errors" in server.page("compare/expertise.html"), "the error on the page")
    assert '<h2 id="python-or-r">Python, R or Julia' in server.page("compare/expertise.html")  # the last good data

    data.write_text(original, encoding="utf-8")
    server.wait_for(lambda: '<h2 id="python-or-r">Python or R' in server.page("compare/expertise.html"), "recovery")
    assert "The data file has errors" not in server.page("compare/expertise.html")
    assert "Traceback" not in "".join(server.output)


def test_serve_starts_with_bad_data_and_recovers(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data/roles.yml"
    original = data.read_text(encoding="utf-8")
    data.write_text(original.replace("title: Python or R", "title: [Python"), encoding="utf-8")
    running = Server(project, free_port())
    try:
        running.wait_for(lambda: "The data file has errors" in running.page("compare/expertise.html"), "the error page")
        assert "not valid YAML" in running.page("compare/expertise.html")
        data.write_text(original, encoding="utf-8")
        running.wait_for(lambda: "<table>" in running.page("compare/expertise.html"), "recovery")
        assert "Traceback" not in "".join(running.output)
    finally:
        running.process.terminate()
        running.process.wait(timeout=10)

"""A small web server on 127.0.0.1 that the link check asks instead of the internet: each path answers one way."""

import socket
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_SECONDS = 6.0  # well beyond the tests' timeout


class Handler(BaseHTTPRequestHandler):
    """/ok 200, /moved 301 to /ok, /elsewhere 302 to /ok, /missing 404, /error 500, /slow answers too late,
    /no-head refuses HEAD (405) but serves GET, /moved-missing 301 to /missing."""

    REDIRECTS = {"/moved": (301, "/ok"), "/elsewhere": (302, "/ok"), "/moved-missing": (301, "/missing")}
    STATUS = {"/ok": 200, "/missing": 404, "/error": 500, "/slow": 200}

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def _answer(self, body):
        self.server.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path == "/no-head":
            status = 405 if self.command == "HEAD" else 200
        elif self.path in self.REDIRECTS:
            status, location = self.REDIRECTS[self.path]
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        else:
            status = self.STATUS.get(self.path, 404)
        content = b"<p>Link check test page</p>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if body:
            self.wfile.write(content)

    def log_message(self, format, *args):  # keep the test output quiet
        pass


@contextmanager
def link_server():
    """Yields the server's base address (http://127.0.0.1:<port>); `.requests` on the server lists what it was asked."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def refused_address() -> str:
    """An address on a port nothing listens on: the connection is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"

"""A headless Chromium driven through the DevTools protocol, standard library
only: a minimal WebSocket client (RFC 6455: client frames masked, text
messages, fragmentation, ping/pong, 16/64-bit lengths), the protocol's
request/response/event plumbing, and a Browser that starts Debian's
`chromium`, hands out its page and stops it.

Why the DevTools protocol rather than `chromium --dump-dom`/`--screenshot`:
the checks need what only a live page gives — every console message and
uncaught exception (Runtime/Log events), a real mouse click on a table header
(Input.dispatchMouseEvent, through hit-testing and the page's own event
handlers), the table's order read back afterwards, other viewport widths and
print media (Emulation) and a full-page screenshot of the same page.

    with Browser() as browser:
        page = browser.page
        page.navigate("file:///tmp/report.html")
        print(page.evaluate("document.title"))
"""

import base64
import hashlib
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class WebSocket:
    """Just enough of a WebSocket client for the DevTools protocol."""

    def __init__(self, url, timeout=60):
        u = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\n"
                           "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        self.buf = bytearray()
        while b"\r\n\r\n" not in self.buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("the browser closed the connection during the handshake")
            self.buf += chunk
        end = self.buf.index(b"\r\n\r\n")
        head = bytes(self.buf[:end]).decode("latin-1")
        del self.buf[:end + 4]
        accept = base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()
        if " 101 " not in head.split("\r\n")[0] or accept not in head:
            raise ConnectionError(f"WebSocket handshake refused: {head.splitlines()[0]}")

    def send(self, text):
        self._send_frame(0x1, text.encode("utf-8"))

    def _send_frame(self, opcode, data):
        header = bytearray([0x80 | opcode])
        n = len(data)
        if n < 126:
            header.append(0x80 | n)
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i & 3] for i, b in enumerate(data))
        self.sock.sendall(bytes(header) + mask + masked)

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(max(1 << 16, n - len(self.buf)))
            if not chunk:
                raise ConnectionError("the browser closed the connection")
            self.buf += chunk
        data = bytes(self.buf[:n])
        del self.buf[:n]
        return data

    def recv(self):
        """The next whole text message."""
        message = bytearray()
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i & 3] for i, b in enumerate(payload))
            if opcode == 0x8:
                raise ConnectionError("the browser closed the connection")
            if opcode == 0x9:  # ping
                self._send_frame(0xA, payload)
                continue
            if opcode == 0xA:  # pong
                continue
            message += payload
            if b0 & 0x80:
                return message.decode("utf-8")

    def close(self):
        try:
            self._send_frame(0x8, b"")
        except OSError:
            pass
        self.sock.close()


class ProtocolError(Exception):
    pass


class Page:
    """One page target: commands, the events seen so far, helpers."""

    def __init__(self, ws):
        self.ws = ws
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise ProtocolError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_for(self, event, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for i, e in enumerate(self.events):
                if e["method"] == event:
                    return self.events.pop(i)
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {event} within {timeout} s")
            msg = json.loads(self.ws.recv())
            if "method" in msg:
                self.events.append(msg)

    def navigate(self, url, settle=True):
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        result = self.call("Page.navigate", url=url)
        if result.get("errorText"):
            raise ProtocolError(f"cannot open {url}: {result['errorText']}")
        self.wait_for("Page.loadEventFired")
        if settle:  # let anything queued after load (timers, the first frame) run too; needs scripts on
            self.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")

    def evaluate(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise ProtocolError(f"evaluating {expression[:80]!r}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def click(self, x, y):
        """A real left click at viewport coordinates (hit-tested like a mouse)."""
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        self.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
        self.call("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)

    def console_errors(self):
        """Console errors, uncaught exceptions and browser-logged errors (CSP, loading) so far."""
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                out.append("uncaught: " + (d.get("exception", {}).get("description") or d.get("text", "")))
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console." + p["type"] + ": " +
                           " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif e["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                entry = p["entry"]
                out.append(f"log ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip())
        return out

    def screenshot(self, path, width, full_page=True, height=900, mobile=False):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=mobile)
        self.evaluate("window.scrollTo(0, 0)")
        clip_height = height
        if full_page:
            clip_height = int(self.evaluate("document.documentElement.scrollHeight"))
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=full_page,
                         clip={"x": 0, "y": 0, "width": width, "height": clip_height, "scale": 1})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        return clip_height


class Browser:
    """Debian's chromium, headless, with a throw-away profile."""

    def __init__(self, binary="chromium", timeout=60):
        self.binary = shutil.which(binary) or binary
        self.timeout = timeout
        self.profile = None
        self.proc = None
        self.page = None

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="flexpipe-chromium-")
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        # Everything chromium writes (crash reports, dconf's cache, its
        # singleton socket folder) stays in the profile, removed on exit.
        env = dict(os.environ)
        for var in ("HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            env[var] = self.profile
        self.proc = subprocess.Popen(
            [self.binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--mute-audio", "--disable-breakpad", f"--user-data-dir={self.profile}",
             "--remote-debugging-port=0", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + self.timeout
        while not (os.path.exists(port_file) and len(open(port_file).read().split()) >= 2):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chromium did not start (see {self.log.name}): "
                                   + open(self.log.name, errors="replace").read()[-2000:])
            time.sleep(0.1)
        port = int(open(port_file).read().split()[0])
        while True:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
                pages = [t for t in json.load(r) if t.get("type") == "page"]
            if pages:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("chromium has no page to drive")
            time.sleep(0.1)
        self.page = Page(WebSocket(pages[0]["webSocketDebuggerUrl"], timeout=self.timeout))
        for domain in ("Page", "Runtime", "Log"):
            self.page.call(f"{domain}.enable")
        return self

    def __exit__(self, *exc):
        if self.page:
            self.page.ws.close()
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)
        return False

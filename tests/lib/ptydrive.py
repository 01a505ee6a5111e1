"""Drive a program in a real pseudo-terminal and time how it answers keys.

    from ptydrive import Pty
    with Pty([binary, args...], cols=100, rows=30, env=env) as t:
        t.wait_for("issues")             # text on screen (escape sequences stripped)
        t.quiet(0.2)                     # until the program has been silent for 0.2 s
        ms = t.key("j")                  # send a key, return ms until the program answered
        ms = t.quit("q")                 # send a key, return ms until the process exited
                                         # (t.restored_ms: until it gave the terminal back)

A key is answered when the program writes to the terminal after it: curses writes only
what changed, so any output after a key sent in silence is its answer. `rows_touched`
says which screen rows that answer moved the cursor to (absolute CUP and VPA moves) or
wrote on (the cursor's row followed through everything written before: a frame may start
on the row the last one ended on, with no move), so a test can check that `j` drew the
row below. Standard library only.
"""

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

# Absolute row moves: CUP (ESC [ row ; col H) and VPA (ESC [ row d).
ROW_MOVE = re.compile(rb"\x1b\[(\d+)(?:;\d+)?[Hd]")
# What moves the cursor's row or writes on it, in the order written: CSI sequences,
# two-byte escapes (save, restore, index, reverse index, next line), line feeds, text.
ROW_TOKENS = re.compile(rb"\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|"
                        rb"\x1b[()][0-9A-Za-z]|\x1b([78DEM=>])|([\n\x0b\x0c])|([^\x00-\x1f\x7f])")


def follow_rows(data, row, saved):
    """Follow the cursor's row through data from `row`: (rows written on, final row,
    saved row). Text and erasures (ECH, EL) count as writing on a row."""
    written = set()
    for m in ROW_TOKENS.finditer(data):
        params, final, esc, feed, text = m.groups()
        if final:
            n = [int(p) if p.isdigit() else 0 for p in params.decode().split(";")] if params else []
            first = n[0] if n and n[0] else 1
            if final in (b"H", b"f", b"d"):
                row = first
            elif final in (b"A", b"F"):
                row -= first
            elif final in (b"B", b"E"):
                row += first
            elif final in (b"X", b"K"):
                written.add(row)
        elif esc == b"7":
            saved = row
        elif esc == b"8":
            row = saved
        elif esc in (b"D", b"E") or feed:
            row += 1
        elif esc == b"M":
            row -= 1
        elif text:
            written.add(row)
    return written, row, saved
RESTORE = b"\x1b[?1049l"   # rmcup: back from the alternate screen (xterm)
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


class Timeout(Exception):
    pass


class Pty:
    def __init__(self, argv, cols=100, rows=30, env=None):
        self.argv, self.cols, self.rows = argv, cols, rows
        self.env = env if env is not None else dict(os.environ)
        self.output = bytearray()      # everything the program wrote
        self.last = b""                # the answer to the last key
        self.last_at = 0               # where in output that answer starts
        self.pid = None
        self.fd = None
        self.status = None

    def __enter__(self):
        pid, fd = pty.fork()
        if pid == 0:  # the child: the program, on the pty's slave side
            try:
                os.execvpe(self.argv[0], self.argv, self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        return self

    def __exit__(self, *exc):
        if self.status is None and self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if self.fd is not None:
            os.close(self.fd)
        return False

    def _read(self, timeout):
        """Read what is there within timeout seconds; b"" when nothing came."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the program closed the terminal (it exited)
            return None
        self.output += data
        return data

    def text(self):
        return ESCAPES.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def wait_for(self, text, timeout=15.0):
        end = time.monotonic() + timeout
        while text not in self.text():
            if self._read(end - time.monotonic()) is None or time.monotonic() > end:
                raise Timeout(f"{text!r} never appeared on screen")

    def quiet(self, seconds=0.2, timeout=10.0):
        """Until the program has written nothing for `seconds`."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            data = self._read(seconds)
            if data == b"" or data is None:
                return
        raise Timeout(f"the program never fell silent for {seconds}s")

    def send(self, data):
        os.write(self.fd, data.encode() if isinstance(data, str) else data)

    def key(self, data, timeout=5.0, settle=0.03):
        """Send a key in silence; ms until the first output after it. The answer (until
        `settle` s of silence) is kept in self.last."""
        self.quiet(0.05)
        start = time.monotonic()
        self.last_at = len(self.output)
        self.send(data)
        first = self._read(timeout)
        if not first:
            raise Timeout(f"no answer to {data!r} within {timeout}s")
        elapsed = (time.monotonic() - start) * 1000
        answer = bytearray(first)
        while True:
            more = self._read(settle)
            if not more:
                break
            answer += more
        self.last = bytes(answer)
        return elapsed

    def rows_touched(self):
        _, row, saved = follow_rows(bytes(self.output[:self.last_at]), 1, 1)
        written, _, _ = follow_rows(self.last, row, saved)
        return sorted({int(m.group(1)) for m in ROW_MOVE.finditer(self.last)} | written)

    def quit(self, data, timeout=10.0):
        """Send a key; ms until the process exited (its status in self.status). The ms
        until it gave the terminal back (left the alternate screen) are in
        self.restored_ms (None if it never did)."""
        self.quiet(0.05)
        start = time.monotonic()
        mark = len(self.output)
        self.restored_ms = None
        self.send(data)
        end = start + timeout
        while time.monotonic() < end:
            if self.restored_ms is None and RESTORE in self.output[mark:]:
                self.restored_ms = (time.monotonic() - start) * 1000
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                while self._read(0):
                    pass
                if self.restored_ms is None and RESTORE in self.output[mark:]:
                    self.restored_ms = (time.monotonic() - start) * 1000
                return (time.monotonic() - start) * 1000
            self._read(0.001)
        raise Timeout(f"the program did not exit within {timeout}s of {data!r}")

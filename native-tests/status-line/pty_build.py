#!/usr/bin/env python3
"""Runs a command in a pty of a given width, as a terminal would, and checks the status line on the screen.

Usage: pty_build.py COLUMNS RAW_OUT [--interrupt-after SECONDS] [--resize-after SECONDS NEW_COLUMNS] -- COMMAND...

The command runs as the session leader of a new pty (its controlling terminal, TERM=xterm), the window set to
COLUMNS with TIOCSWINSZ before it starts. Everything it writes is saved raw to RAW_OUT. With --interrupt-after,
Ctrl-C (\\x03) is typed into the pty that many seconds after the first status line appeared, so that the terminal's line discipline sends SIGINT to
the foreground process group, as a user's key does; with --resize-after, the window is
set to NEW_COLUMNS that many seconds after the first status line, and the status texts drawn after that are
reported apart (drawn_after_resize). Then the bytes are replayed on a simulated screen of COLUMNS
columns (\\r, \\n, ESC[K, printable chars, the auto-margin wrap) and a JSON report is printed: the final screen
lines, the lines that wrapped (a char written past the last column), the status texts drawn (each [k/n] ... text as
it stood when it was erased or overwritten), and how the command ended.
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

STATUS = re.compile(r"^\[(\d+)/(\d+)\] ")


class Screen:
    """A terminal's screen: lines of chars, a cursor, xterm's deferred wrap at the last column."""

    def __init__(self, columns):
        self.columns = columns
        self.lines = [[]]
        self.row = 0
        self.col = 0
        self.wrapped = []
        self.pending_wrap = False
        # The status texts drawn: the text of the current line each time it is erased or the line ends.
        self.drawn = []

    def _line(self):
        return self.lines[self.row]

    def _note_drawn(self):
        text = "".join(self._line()).rstrip()
        if STATUS.match(text):
            self.drawn.append(text)

    def feed(self, data):
        i = 0
        while i < len(data):
            c = data[i]
            if c == "\x1b" and data.startswith("\x1b[K", i):
                self._note_drawn()
                del self._line()[self.col:]
                self.pending_wrap = False
                i += 3
                continue
            if c == "\x1b":
                # Any other sequence: skip to its final byte (none is expected from jmake).
                m = re.match(r"\x1b\[[0-9;?]*[A-Za-z]", data[i:])
                i += len(m.group(0)) if m else 1
                continue
            if c == "\r":
                self.col = 0
                self.pending_wrap = False
            elif c == "\n":
                self._note_drawn()
                self.row += 1
                self.pending_wrap = False
                if self.row == len(self.lines):
                    self.lines.append([])
            elif c == "\b":
                self.col = max(0, self.col - 1)
            elif c >= " ":
                if self.pending_wrap:
                    self.wrapped.append("".join(self._line()))
                    self._note_drawn()
                    self.row += 1
                    self.col = 0
                    self.pending_wrap = False
                    if self.row == len(self.lines):
                        self.lines.append([])
                line = self._line()
                while len(line) < self.col:
                    line.append(" ")
                if self.col < len(line):
                    line[self.col] = c
                else:
                    line.append(c)
                if self.col == self.columns - 1:
                    self.pending_wrap = True
                else:
                    self.col += 1
            i += 1

    def text(self):
        lines = ["".join(line).rstrip() for line in self.lines]
        while lines and lines[-1] == "":
            lines.pop()
        return lines


def run(columns, raw_path, interrupt_after, resize, command):
    pid, master = pty.fork()
    if pid == 0:
        # Set here, before the command starts: set by the parent it could come after the first redraw.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        os.environ["TERM"] = "xterm"
        os.environ.pop("COLUMNS", None)
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    start = time.monotonic()
    # When the first status line was drawn: Ctrl-C is typed that long after it.
    first_status = None
    interrupted = False
    resized_at = None
    raw = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], 0.02)
        if first_status is None and b"] running: " in raw:
            first_status = time.monotonic()
        if interrupt_after is not None and not interrupted and first_status is not None \
                and time.monotonic() >= first_status + interrupt_after:
            os.write(master, b"\x03")
            interrupted = True
        if resize is not None and resized_at is None and first_status is not None \
                and time.monotonic() >= first_status + resize[0]:
            fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, resize[1], 0, 0))
            resized_at = len(raw)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            raw += chunk
        if time.monotonic() - start > 120:
            os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    with open(raw_path, "wb") as f:
        f.write(raw)
    screen = Screen(columns)
    screen.feed(raw.decode("latin-1"))
    after = Screen(columns)
    after.feed(raw[resized_at or len(raw):].decode("latin-1"))
    return {
        "drawn_after_resize": after.drawn,
        "screen": screen.text(),
        "wrapped": screen.wrapped,
        "drawn": screen.drawn,
        "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
    }


def main(argv):
    split = argv.index("--")
    options, command = argv[1:split], argv[split + 1:]
    columns, raw_path = int(options[0]), options[1]
    interrupt_after = None
    if "--interrupt-after" in options:
        interrupt_after = float(options[options.index("--interrupt-after") + 1])
    resize = None
    if "--resize-after" in options:
        at = options.index("--resize-after")
        resize = (float(options[at + 1]), int(options[at + 2]))
    print(json.dumps(run(columns, raw_path, interrupt_after, resize, command), indent=1))


if __name__ == "__main__":
    main(sys.argv)

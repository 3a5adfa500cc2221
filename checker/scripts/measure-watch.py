#!/usr/bin/env python3
"""Save -> verdict on screen in `watch`, as a student sees it.

Runs `checker watch` in a pseudo-terminal on a workbook whose current lesson is
LESSON (every earlier lesson solved with its reference, LESSON left as its stub,
so each save gets a full report), appends a comment to the lesson's file N times
and measures, for each save, the time from the write to the redrawn screen's
last line (its footer of keys, after the checking notice).

Usage: measure-watch.py CHECKER WORKBOOK LESSON MODULE [N]
"""
import os
import pty
import select
import subprocess
import sys
import time

checker, workbook, lesson, module = sys.argv[1:5]
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 9
path = os.path.join(workbook, "exercises", "src", module + ".rs")

master, slave = pty.openpty()
os.set_blocking(master, False)
env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="40", LANG="C.UTF-8")
env.pop("NO_COLOR", None)
proc = subprocess.Popen([checker, "watch"], cwd=workbook, stdin=slave, stdout=slave,
                        stderr=slave, env=env, start_new_session=True)
os.close(slave)


def read_until(first, then, deadline):
    """Reads until `then` appears after `first`; returns the time of the read that
    completed it (or None) and everything read."""
    data = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(master, 65536)
        except (BlockingIOError, OSError):
            continue
        data += chunk
        at = data.find(first)
        if at >= 0 and then in data[at:]:
            return time.monotonic(), data
    return None, data


try:
    # The first screen, builds included: its footer names the quit key.
    read_until(b"[q]", b"[q]", time.monotonic() + 300)
    times = []
    for i in range(runs):
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"// save {i}\n")
        start = time.monotonic()
        # "Checking conv…", then the new screen, whose last line is the footer.
        end, data = read_until(f"Checking {lesson}".encode(), b"[q]", start + 60)
        if os.environ.get("SHOW"):
            sys.stdout.write(repr(data[-300:]) + "\n")
        if end is not None:
            times.append(end - start)
        time.sleep(0.5)
    times.sort()
    if times:
        print(f"watch, save -> verdict on screen ({lesson}, {len(times)} saves): "
              f"min {times[0]:.3f} s, median {times[(len(times) - 1) // 2]:.3f} s, "
              f"max {times[-1]:.3f} s (target: at most 0.2 s)")
    else:
        print("watch: no verdict seen after a save")
finally:
    os.killpg(proc.pid, 15)
    proc.wait()

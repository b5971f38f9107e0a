#!/usr/bin/env python3
"""Checks pty_build.py's report of a status-line build: check_screen.py REPORT COLUMNS TOTAL success|fail|interrupt.

Every status text drawn fits in COLUMNS - 1 and shows the total TOTAL, its count never above it nor going back; no
status line wrapped; the final screen holds no status remnant; and the end is as expected: a summary after success
and after a failure, none after Ctrl-C. Prints what is wrong and exits 1, or prints nothing.
"""
import json
import re
import sys

STATUS = re.compile(r"^\[(\d+)/(\d+)\] running: ")


def problems(report, columns, total, end):
    found = []
    if not report["drawn"]:
        found.append("no status line was drawn")
    finished = 0
    for text in report["drawn"]:
        m = STATUS.match(text)
        if len(text) > columns - 1:
            found.append(f"wider than {columns - 1} columns: {text!r}")
        if not m:
            found.append(f"not a status line: {text!r}")
            continue
        done, shown_total = int(m.group(1)), int(m.group(2))
        if shown_total != total:
            found.append(f"total {shown_total}, not {total}: {text!r}")
        if done < finished or done > shown_total:
            found.append(f"count goes back or beyond the total: {text!r}")
        finished = done
    for line in report["wrapped"]:
        if STATUS.match(line):
            found.append(f"a status line wrapped: {line!r}")
    screen = report["screen"]
    for line in screen:
        if re.search(r"\[\d+/\d+\] running", line) or "running:" in line:
            found.append(f"status remnant on the screen: {line!r}")
    summary = [line for line in screen if re.match(r"^jmake: \d+ jobs?, ", line)]
    if end == "success":
        if report["exit"] != 0:
            found.append(f"exit {report['exit']}, signal {report['signal']}")
        if len(screen) < 2 or not re.match(rf"^jmake: {total} jobs, \d+\.\d\ds$", screen[-2]) \
                or not screen[-1].startswith("jmake: slowest: "):
            found.append(f"no summary at the end: {screen[-3:]}")
    elif end == "fail":
        if report["exit"] != 2:
            found.append(f"exit {report['exit']}, signal {report['signal']}, not 2")
        # A message longer than the terminal wraps: it is looked for in the screen's text as one.
        if not re.search(r"\*\*\* \[Makefile:\d+: [^]]*\] Error 1", "".join(screen)):
            found.append("the failure is not reported")
        if len(summary) != 1 or ", 1 failed, " not in summary[0]:
            found.append(f"no summary with the failure: {summary}")
    else:
        if report["signal"] != 2 and report["exit"] != 130:
            found.append(f"not ended by SIGINT: exit {report['exit']}, signal {report['signal']}")
        if summary:
            found.append(f"a summary after Ctrl-C: {summary}")
    return found


def main(argv):
    with open(argv[1]) as f:
        report = json.load(f)
    found = problems(report, int(argv[2]), int(argv[3]), argv[4])
    if found:
        print("\n".join(found))
        print("screen:\n" + "\n".join(report["screen"]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/python3
"""Plays `linksim exercise` interactively through a pseudo-terminal, as a trainee would.

Usage: play_pty.py LINKSIM SCENARIO ANSWERS OUT EXPECTED_SCORE

Starts `LINKSIM exercise SCENARIO --out OUT` on a pty; at the first prompt after a notice to the
staff (a line "Notice (...)" that is not an alarm), types every action of the ANSWERS file (the
actions-file syntax: "+PT20M judge_level 4" is also a prompt line) and then `wait`; at every other
prompt types `wait`. Checks that the run exits 0 when EXPECTED_SCORE is 100 (else 1), that
OUT/result.json's /exercise/score_pct is EXPECTED_SCORE, that every action was typed at a prompt
and accepted by it ("planned: ..."), and prints what it saw. Exit 0 if all holds, 1 otherwise.
"""
import json
import os
import pty
import select
import sys
import time


def main():
    linksim, scenario, answers, out, expected = sys.argv[1:6]
    expected = float(expected)
    lines = []
    for raw in open(answers, encoding="utf-8"):
        body = raw.split("#", 1)[0].strip()
        if body:
            lines.append(body)
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(linksim, [linksim, "exercise", scenario, "--out", out])
    screen, pending, typed, prompts, problems, queue = b"", b"", False, 0, [], []
    deadline = time.time() + 300
    while True:
        if time.time() > deadline:
            problems.append("no end after 300 s")
            os.kill(pid, 9)
            break
        r, _, _ = select.select([fd], [], [], 1.0)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
        pending += chunk
        if pending.endswith(b"> "):
            prompts += 1
            text = pending.decode("utf-8", "replace")
            pending = b""
            notice = any(l.startswith("Notice (") and not l.startswith("Notice (alarm") for l in text.splitlines())
            if not typed and notice:
                queue = list(lines)
                typed = True
            os.write(fd, ((queue.pop(0) if queue else "wait") + "\n").encode())
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    text = screen.decode("utf-8", "replace")
    print(text[-4000:])
    want_code = 0 if expected >= 100 else 1
    if code != want_code:
        problems.append(f"exit code {code}, expected {want_code}")
    if not typed:
        problems.append("no prompt showed a notice to the staff: the answers were never typed")
    if any(l.startswith("? ") for l in text.splitlines()):
        problems.append("the prompt rejected a line (a line starting with '? ')")
    try:
        ex = json.load(open(os.path.join(out, "result.json")))["exercise"]
        if ex["mode"] != "interactive":
            problems.append(f"mode {ex['mode']}, expected interactive")
        if abs(ex["score_pct"] - expected) > 1e-9:
            problems.append(f"score {ex['score_pct']} %, expected {expected} %")
        if len(ex["actions"]) != len(lines):
            problems.append(f"{len(ex['actions'])} actions done, {len(lines)} typed")
        print(f"play_pty: {prompts} prompts, {len(lines)} actions typed, score {ex['score_pct']} %, "
              f"{ex['cost']['wrong_provisions']} wrong provisions, exit {code}")
    except (OSError, KeyError, ValueError) as e:
        problems.append(f"no readable {out}/result.json /exercise: {e}")
    for p in problems:
        print("play_pty: FAIL: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

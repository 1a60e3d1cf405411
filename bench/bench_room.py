"""The room under load: 40 participants vote on 20 questions from their "phones" within a minute.

    .venv/bin/python bench/bench_room.py [--participants 40] [--questions 20]

The desktop app runs offscreen on a fresh assessment with the room open on 127.0.0.1, in
workshop mode on the maturity step. A second process plays the phones: one thread per
participant claims its name, polls the room's state every second (like the page, which polls
every two), and votes once on each question as soon as it is on the projector. The app moves
to the next question as soon as everyone has voted. Measured, in this run:

* every vote lands exactly once: the file holds participants x questions votes from the room,
  and the change log exactly one entry for each;
* the UI never stalls over 100 ms: the longest turn of the event loop while the votes arrive
  (each vote is stored there, through the operations layer), against the baseline of the
  facilitator typing a vote in the same window (the same operation, one at a time);
* the whole session fits in a minute;
* memory stays flat: the process's resident memory over the last quarter of the questions
  against the first quarter.

Exit code 0 when every target is met. Nothing of the user's is touched (own settings and data folders).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BUDGET_MS = 100.0
MINUTE_S = 60.0
FLAT_MB = 16.0  # allowed growth from the first to the last quarter of the questions


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # peak, the best elsewhere


# --------------------------------------------------------------------------- the phones (second process)


def phones(url: str, ids: list[str], out: Path) -> int:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    posted: dict[str, list[str]] = {pid: [] for pid in ids}
    errors: list[str] = []

    def call(conn: http.client.HTTPConnection, method: str, path: str, token: str | None,
             body: Any = None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json", **({"X-Claim": token} if token else {})}
        for _attempt in range(20):
            conn.request(method, parts.path + path, body=None if body is None else json.dumps(body), headers=headers)
            r = conn.getresponse()
            data = json.loads(r.read())
            if r.status != 429:
                return r.status, data
            time.sleep(float(r.getheader("Retry-After") or 1))
        return 429, {}

    def phone(pid: str) -> None:
        rnd = random.Random(pid)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            status, claim = call(conn, "POST", "api/claim", None, {"participant": pid})
            if status != 200:
                errors.append(f"{pid}: claim {status}")
                return
            token = claim["token"]
            voted: set[str] = set()
            seen_question = False
            while True:
                status, state = call(conn, "GET", "api/state", token)
                if status != 200:
                    errors.append(f"{pid}: state {status}")
                    return
                q = state["question"]
                if q is None and seen_question:
                    return  # the facilitator left the questions: done
                if q is not None:
                    seen_question = True
                    if q["key"] not in voted and not state["revealed"]:
                        time.sleep(rnd.uniform(0.0, 0.4))  # thinking
                        body = {"participant": pid, "question": q["id"], "scope": q["scope"],
                                "value": rnd.randint(0, 4), "note": f"note of {pid}"}
                        status, reply = call(conn, "POST", "api/vote", token, body)
                        if status == 200:
                            voted.add(q["key"])
                            posted[pid].append(q["key"])
                            continue
                        errors.append(f"{pid}: vote {status} {reply.get('code')}")
                time.sleep(rnd.uniform(0.8, 1.2))  # the page polls every 2 s; a little faster here
        except Exception as exc:  # reported, not raised: the run's verdict is in the output
            errors.append(f"{pid}: {type(exc).__name__}: {exc}")
        finally:
            conn.close()

    threads = [threading.Thread(target=phone, args=(pid,)) for pid in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.write_text(json.dumps({"posted": posted, "errors": errors}), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- the app (this process)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--participants", type=int, default=40)
    p.add_argument("--questions", type=int, default=20)
    p.add_argument("--phones", nargs=3, metavar=("URL", "IDS", "OUT"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.phones:
        url, ids, out = args.phones
        return phones(url, json.loads(Path(ids).read_text(encoding="utf-8")), Path(out))

    work = Path(tempfile.mkdtemp(prefix="readiness-room-bench-"))
    for name, sub in (("READINESS_SETTINGS_DIR", "settings"), ("READINESS_LOG_DIR", "logs"),
                      ("XDG_DATA_HOME", "data"), ("MPLCONFIGDIR", "mpl")):
        os.environ[name] = str(work / sub)

    from PySide6.QtWidgets import QApplication

    from readiness_app.model import Engagement
    from readiness_app.questionnaire.loader import load_library
    from readiness_app.resources import questionnaires_dir
    from readiness_app.room import network
    from readiness_app.store.assessment_file import AssessmentFile
    from readiness_app.ui import dialogs
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.settings import AppSettings

    class Refuse(dialogs.DialogService):  # any dialog in the run is a failure, never a wait
        def __init__(self) -> None:
            self.seen: list[str] = []

        def error(self, title: str, what: str, todo: str, details: str = "") -> None:
            self.seen.append(f"{title}: {what}")

        def confirm(self, title: str, text: str) -> bool:
            self.seen.append(f"{title}: {text}")
            return False

    refuse = Refuse()
    dialogs.set_service(refuse)
    path = work / "room.readiness"
    with AssessmentFile.create(path, load_library(questionnaires_dir()), Engagement(client="Bench AG")) as f:
        ids = [f.add_participant(f"Participant {i:02d}", "other").id for i in range(args.participants)]
    network.interfaces = lambda **_kw: [network.Interface("127.0.0.1", "lo", "lan", True)]  # type: ignore[assignment]

    app = QApplication.instance() or QApplication([])
    window = MainWindow(AppSettings(work / "settings" / "bench.ini"))
    window.resize(1400, 900)
    window.show()
    assert window.documents.open_path(path) is not None
    window.show_step("maturity")
    page = window.question_page("maturity")
    page.set_workshop_mode(True)
    questions = [q for q in page.questions if q.type == "scale"][: args.questions]
    assert len(questions) == args.questions, "not enough scale questions on the maturity step"
    page.go_to_question(questions[0].id)

    def turns(seconds: float) -> float:
        worst = 0.0
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            a = time.perf_counter()
            app.processEvents()
            worst = max(worst, (time.perf_counter() - a) * 1000)
            time.sleep(0.002)
        return worst

    turns(3.0)  # let the window settle (pages and scoring load at idle)
    floor = 0.0  # the baseline: the facilitator typing a vote (the same operation, one at a time)
    from readiness_app.ui import operations

    for i, pid in enumerate(ids[:5]):
        a = time.perf_counter()
        operations.set_answer(window.session, questions[-1].id, "org", pid, i % 5, step="maturity")
        floor = max(floor, (time.perf_counter() - a) * 1000, turns(0.3))
    for pid in ids[:5]:
        operations.clear_answer(window.session, questions[-1].id, "org", pid, step="maturity")
    turns(0.5)
    room = window.open_room()
    assert room is not None and room.server is not None
    turns(0.5)

    ids_file, out_file = work / "ids.json", work / "phones.json"
    ids_file.write_text(json.dumps(ids), encoding="utf-8")
    start = time.perf_counter()
    client = subprocess.Popen([sys.executable, __file__, "--phones", room.server.join_url, str(ids_file), str(out_file)])
    worst = 0.0
    rss: list[float] = []
    index = 0
    deadline = start + 3 * MINUTE_S
    profile_worst = os.environ.get("ROOM_BENCH_PROFILE")
    while time.perf_counter() < deadline:
        if profile_worst:
            import cProfile
            prof = cProfile.Profile()
            prof.enable()
        a = time.perf_counter()
        app.processEvents()
        took = (time.perf_counter() - a) * 1000
        if profile_worst:
            prof.disable()
            if took > worst:
                prof.dump_stats(profile_worst)
        worst = max(worst, took)
        voted, total = room.room.progress()
        cur = room.room.current
        on_screen = index >= len(questions) or (cur is not None and cur.question.id == questions[index].id)
        if index < len(questions) and on_screen and voted == total:
            rss.append(_rss_mb())
            index += 1
            if index < len(questions):
                page.go_to_question(questions[index].id)
            else:
                window.show_step("engagement")  # no question: the phones are done
        if index >= len(questions) and client.poll() is not None:
            break
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    if client.poll() is None:
        client.kill()
    result = json.loads(out_file.read_text(encoding="utf-8")) if out_file.exists() else {"posted": {}, "errors": ["no result"]}

    file = window.session.file
    room_votes = [a for a in file.answers() if a.source == "room"]
    names = {f"Participant {i:02d}" for i in range(args.participants)}
    logged = [e for e in file.changelog() if e.entity == "answer" and e.action == "set" and e.author in names]
    posted = sum(len(v) for v in result["posted"].values())
    expected = args.participants * args.questions
    keys = {(a.question_id, a.participant_id) for a in room_votes}
    quarter = max(1, len(rss) // 4)
    first, last = sum(rss[:quarter]) / quarter, sum(rss[-quarter:]) / quarter
    room.close()
    window.close()

    print(f"participants {args.participants}, questions {args.questions}, votes expected {expected}")
    print(f"votes posted (200) {posted}, in the file from the room {len(room_votes)} "
          f"({len(keys)} distinct), change-log entries {len(logged)}")
    print(f"session: {elapsed:.1f} s (target < {MINUTE_S:.0f} s)")
    print(f"longest UI stall with the room voting: {worst:.1f} ms; a typed vote (baseline) {floor:.1f} ms; "
          f"ratio {worst / max(floor, 0.1):.2f}x; budget {BUDGET_MS:.0f} ms ({worst / BUDGET_MS:.2f} of it)")
    print(f"memory (RSS): first quarter of the questions {first:.1f} MB, last quarter {last:.1f} MB, "
          f"growth {last - first:+.1f} MB (target < {FLAT_MB:.0f} MB)")
    problems = list(result["errors"]) + refuse.seen
    for problem in problems[:10]:
        print("problem:", problem)
    ok = (posted == expected == len(room_votes) == len(keys) == len(logged) and elapsed < MINUTE_S
          and worst < BUDGET_MS and last - first < FLAT_MB and not problems)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

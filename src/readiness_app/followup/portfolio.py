"""Portfolio benchmark: how a consultancy's assessments compare, anonymised.

Point :func:`build_portfolio` at a folder of ``*.readiness`` files. Every file is opened
read-only (:meth:`AssessmentFile.open_scan`, the light sibling of ``open_readonly``: nothing
in the folder is ever written) and its AI-operations maturity is scored. The result is a :class:`Portfolio`:

* ``dimensions``: per maturity dimension, the distribution of scores (1.0-4.0) over the
  assessments (count, min, lower quartile, median, upper quartile, max, and how many sit at
  each staged level 1-4), overall and, **only for industries shared by at least**
  :data:`MIN_GROUP` **assessments**, per industry. ``overall`` is the same for the overall
  maturity score.
* ``current``: where one client stands (``current=`` a file, inside the folder or not):
  its score and level per dimension and its percentile among the *other* assessments, and
  among its industry when that group is large enough.
* ``skipped``: files left out, each with the reason (cannot be read, damaged questionnaires,
  no maturity answers, a copy of another file, superseded by a later follow-up).

Anonymity: the benchmark part (``dimensions``, ``overall``, ``industries``, ``current``)
never holds a client name, participant, file name or note; only industries with at least
``MIN_GROUP`` assessments are named. ``skipped`` names files: it is for the consultant who
owns the folder, not for client-facing output (``to_jsonable(p, files=False)`` leaves it out).

Counting: one assessment per file, except that copies of the same assessment (same
``assessment_id``) count once (the file with the shortest name stands for them), and a baseline whose follow-up is in the folder is superseded
by it (a client counts with its latest assessment). The current client's own assessments are
never among its peers.

Percentile: the mid-rank percentile, ``100 * (peers below + 0.5 * peers equal) / peers``:
50 means "in the middle", 100 "above every peer". Quartiles interpolate linearly between
ranks (``(n - 1) * p``, as spreadsheets' ``QUARTILE.INC``).

Speed: files are read in place after a quick check (``open_scan``); only what maturity
needs is read (the maturity answers; the embedded questionnaires are parsed once per distinct
snapshot); large folders are scored on every core (worker processes; "spawn" inside the Qt
app); and each file's summary is cached by path, size and modification time in
``portfolio-cache.json`` in the user's cache folder (:func:`cache_dir`;
``READINESS_CACHE_DIR`` overrides it). ``bench/bench_portfolio.py`` measures 1,000 files.

API: ``build_portfolio(folder, *, current=None, use_cache=True, workers=None, progress=None)
-> Portfolio``; ``to_jsonable(portfolio, files=True)``; ``format_portfolio(portfolio, lang)``.
Call it off the UI thread; ``progress(done, total)`` is called from the calling thread.
``workers`` counts the processes that score, the calling one included (default: the cores,
at most 4; 1 inside a frozen app, see :func:`_default_workers`). Worker processes are
forked on Linux when that is safe (one thread, no Qt) and otherwise started with "spawn", so
a script calling this needs the usual ``if __name__ == "__main__":`` guard; if workers cannot
start, the calling process finishes the work alone.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness_app import __version__, user_dirs
from readiness_app.errors import QuestionnaireError, ReadinessError
from readiness_app.messages import message_of, msg
from readiness_app.model import ORGANISATION, Answer
from readiness_app.questionnaire.loader import Library, Question, Text
from readiness_app.scoring.consensus import consensus_of
from readiness_app.scoring.engine import stage_fulfilment, staged_level
from readiness_app.scoring.indices import weighted_score
from readiness_app.scoring.results import QuestionConsensus
from readiness_app.store.assessment_file import FILE_SUFFIX, AssessmentFile

MIN_GROUP = 5  # an industry is shown (and used for percentiles) from this many assessments
PARALLEL_FROM = 48  # files to score before worker processes pay off
CACHE_FORMAT = "readiness-portfolio-cache/2"
CACHE_NAME = "portfolio-cache.json"
OVERALL = "overall"

Progress = Callable[[int, int], None]


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Distribution:
    count: int
    min: float
    q1: float
    median: float
    q3: float
    max: float
    levels: tuple[int, int, int, int]  # assessments at staged level 1, 2, 3 and 4


@dataclass(frozen=True, slots=True)
class DimensionBenchmark:
    dimension_id: str
    name: Text
    all: Distribution | None
    by_industry: Mapping[str, Distribution]  # only industries with at least MIN_GROUP assessments


@dataclass(frozen=True, slots=True)
class Standing:
    """Where the current client stands on one dimension (or ``overall``)."""

    dimension_id: str
    name: Text
    score: float | None
    level: int | None
    percentile: float | None  # among all peers; None without a score or peers
    peers: int
    industry_percentile: float | None  # among its industry, when the group is large enough
    industry_peers: int


@dataclass(frozen=True, slots=True)
class CurrentStanding:
    path: str
    industry: str
    industry_group: str | None  # the industry group used for industry percentiles, if any
    overall: Standing
    dimensions: tuple[Standing, ...]


@dataclass(frozen=True, slots=True)
class SkippedFile:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Portfolio:
    folder: str
    files: int  # *.readiness files found
    assessments: int  # assessments in the benchmark
    industries: tuple[tuple[str, int], ...]  # industry groups shown, with their sizes
    overall: DimensionBenchmark  # the overall maturity score
    dimensions: tuple[DimensionBenchmark, ...]
    current: CurrentStanding | None
    skipped: tuple[SkippedFile, ...]
    from_cache: int  # files whose summary came from the cache
    min_group: int = MIN_GROUP


# --------------------------------------------------------------------------- per-file summary


@dataclass(frozen=True, slots=True)
class _Summary:
    """What the benchmark needs from one file (JSON-able for the cache, picklable for workers)."""

    path: str
    assessment_id: str
    baseline_id: str
    industry: str
    overall: float | None
    overall_level: int
    dims: tuple[tuple[str, float | None, int], ...]  # (dimension id, score, staged level)
    names: tuple[tuple[str, str, str], ...]  # (dimension id, en, de)

    def to_json(self) -> dict[str, Any]:
        return {"assessment_id": self.assessment_id, "baseline_id": self.baseline_id, "industry": self.industry,
                "overall": self.overall, "overall_level": self.overall_level,
                "dims": [list(d) for d in self.dims], "names": [list(n) for n in self.names]}

    @classmethod
    def from_json(cls, path: str, d: Mapping[str, Any]) -> _Summary:
        return cls(path, str(d["assessment_id"]), str(d["baseline_id"]), str(d["industry"]),
                   None if d["overall"] is None else float(d["overall"]), int(d["overall_level"]),
                   tuple((str(i), None if s is None else float(s), int(lv)) for i, s, lv in d["dims"]),
                   tuple((str(i), str(en), str(de)) for i, en, de in d["names"]))


# per process: maturity-only libraries and their question ids, by embedded snapshot
_LIBRARIES: dict[tuple[tuple[str, str], ...], tuple[Library, list[str]]] = {}


def _library_key(instruments: Sequence[Mapping[str, str]]) -> tuple[tuple[str, str], ...]:
    """The embedded snapshot's identity (the latest version of each instrument, as storage picks it)."""
    latest: dict[str, str] = {}
    for r in sorted(instruments, key=lambda r: (r["added_at"], r["id"], r["version"])):
        latest[r["id"]] = r["sha256"]
    return tuple(sorted(latest.items()))


def _maturity_library(af: AssessmentFile) -> tuple[Library, list[str]]:
    key = _library_key(af.instruments())
    found = _LIBRARIES.get(key)
    if found is None:
        full = af.library()
        lib = Library(full.by_kind("maturity"), full.dimensions, full.actions, full.risks,
                      full.library_version, full.library_source)
        if len(_LIBRARIES) > 32:
            _LIBRARIES.clear()
        found = _LIBRARIES[key] = (lib, [q.id for q in lib.iter_questions()])
    return found


def summarise(path: Path | str) -> _Summary | SkippedFile:
    """Score one file's maturity (the light path); never raises for bad files."""
    try:
        with AssessmentFile.open_scan(Path(path)) as af:
            meta = af.meta()
            industry = af.engagement().industry
            lib, question_ids = _maturity_library(af)
            answers = af.answers(ORGANISATION, question_ids=question_ids)
    except QuestionnaireError as exc:
        return SkippedFile(str(path), msg("its embedded questionnaires are damaged: {detail}", detail=exc.one_line()))
    except ReadinessError as exc:
        return SkippedFile(str(path), message_of(exc))
    except Exception as exc:  # a damaged file must not stop the benchmark
        return SkippedFile(str(path), msg("cannot be read ({detail})", detail=f"{type(exc).__name__}: {exc}"))
    overall, overall_level, dims = maturity_scores(lib, answers)
    return _Summary(
        path=str(path), assessment_id=meta.get("assessment_id", ""),
        baseline_id=meta.get("baseline_assessment_id", ""), industry=industry,
        overall=_r(overall), overall_level=overall_level,
        dims=tuple((d, _r(sc), lv) for d, sc, lv in dims),
        names=tuple((d, *_name(lib, d)) for d, _sc, _lv in dims),
    )


def maturity_scores(library: Library, answers: Iterable[Answer]
                    ) -> tuple[float | None, int, list[tuple[str, float | None, int]]]:
    """Overall score and level, and (dimension, score, staged level) per maturity dimension.

    The same numbers as ``score(...).maturity`` (a test holds them equal), computed from the
    organisation answers alone with scoring's own building blocks, skipping use cases, risks
    and the roadmap.
    """
    by_question: dict[str, list[Answer]] = defaultdict(list)
    for a in answers:
        if a.scope == ORGANISATION:
            by_question[a.question_id].append(a)
    by_dim: dict[str, list[Question]] = defaultdict(list)
    consensus: dict[tuple[str, str], QuestionConsensus] = {}
    for qn in library.by_kind("maturity"):
        for q in qn.questions:  # as the engine does, whatever scope the question claims
            consensus[(q.id, ORGANISATION)] = consensus_of(q, ORGANISATION, by_question.get(q.id, ()))
            if q.scored:
                by_dim[q.dimension].append(q)
    ordered = [d for d, dim in library.dimensions.items() if dim.kind == "maturity" and d in by_dim]
    ordered += sorted(d for d in by_dim if d not in ordered)
    dims: list[tuple[str, float | None, int]] = []
    for d in ordered:
        value = weighted_score(by_dim[d], ORGANISATION, consensus, base=1.0, span=3.0).value
        dims.append((d, value, staged_level(stage_fulfilment(by_dim[d], consensus)[1])))
    scored = [v for _d, v, _lv in dims if v is not None]
    levels = sorted(lv for _d, _v, lv in dims)
    overall = sum(scored) / len(scored) if scored else None
    return overall, (levels[(len(levels) - 1) // 2] if levels else 1), dims


def _name(library: Library, dimension_id: str) -> tuple[str, str]:
    dim = library.dimensions.get(dimension_id)
    return (dim.name.en, dim.name.de) if dim else (dimension_id, dimension_id)


def _summarise_many(paths: Sequence[str]) -> list[_Summary | SkippedFile]:
    return [summarise(p) for p in paths]


# --------------------------------------------------------------------------- cache

cache_dir = user_dirs.cache_dir



def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _load_cache() -> dict[str, Any]:
    try:
        data = json.loads((cache_dir() / CACHE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or data.get("app") != __version__:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _save_cache(entries: Mapping[str, Any]) -> None:
    """Best effort: a cache that cannot be written only costs time next run."""
    folder = cache_dir()
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{CACHE_NAME}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"format": CACHE_FORMAT, "app": __version__, "entries": entries}, fh,
                          separators=(",", ":"))
            os.replace(tmp, folder / CACHE_NAME)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


# --------------------------------------------------------------------------- building


def build_portfolio(folder: Path | str, *, current: Path | str | None = None, use_cache: bool = True,
                    workers: int | None = None, progress: Progress | None = None) -> Portfolio:
    """Benchmark every ``*.readiness`` file in ``folder`` (not its subfolders); see the module docstring.

    Raises :class:`~readiness_app.errors.ReadinessError` when ``folder`` is not a folder or
    ``current`` cannot be read; bad files in the folder are skipped, never fatal.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ReadinessError(msg("not a folder of assessment files"), path=str(folder))
    paths = sorted(p for p in folder.iterdir() if p.suffix == FILE_SUFFIX and not p.name.startswith("."))
    current_path = Path(current).resolve() if current is not None else None
    current_summary: _Summary | None = None
    if current_path is not None:
        got = summarise(current_path)
        if isinstance(got, SkippedFile):
            raise ReadinessError(got.reason, path=str(current))
        current_summary = got

    cache = _load_cache() if use_cache else {}
    stamps: dict[str, list[int]] = {}
    found: dict[str, _Summary | SkippedFile] = {}
    todo: list[str] = []
    for p in paths:
        key = str(p.resolve())
        try:
            stamps[key] = _stamp(p.stat())
        except OSError as exc:
            found[key] = SkippedFile(str(p), f"cannot be read ({exc.strerror or exc})")
            continue
        entry = cache.get(key)
        if entry is not None and entry.get("stamp") == stamps[key]:
            try:
                found[key] = _Summary.from_json(str(p), entry["summary"])
                continue
            except (KeyError, TypeError, ValueError):
                pass
        todo.append(key)
    from_cache = len(found) - sum(1 for v in found.values() if isinstance(v, SkippedFile))
    if progress is not None:
        progress(len(found), len(paths))
    for key, got in zip(todo, _score_files(todo, workers, progress, len(found), len(paths)), strict=True):
        found[key] = got

    if use_cache:
        inside = str(folder.resolve()) + os.sep
        gone = [k for k in cache if k.startswith(inside) and os.path.dirname(k) + os.sep == inside
                and k not in stamps]
        if todo or gone:
            fresh = {k: {"stamp": stamps[k], "summary": v.to_json()} for k, v in found.items()
                     if isinstance(v, _Summary) and k in stamps}
            kept = {k: v for k, v in cache.items() if k not in gone}
            _save_cache({**kept, **fresh})

    display = {str(p.resolve()): str(p) for p in paths}
    summaries: list[_Summary] = []
    skipped: list[SkippedFile] = []
    for key in sorted(found, key=lambda k: display.get(k, k)):
        got = found[key]
        shown = display.get(key, key)
        if isinstance(got, SkippedFile):
            skipped.append(SkippedFile(shown, got.reason))
        elif got.overall is None:
            skipped.append(SkippedFile(shown, msg("no maturity criteria answered yet")))
        else:
            summaries.append(_Summary(shown, got.assessment_id, got.baseline_id, got.industry, got.overall,
                                      got.overall_level, got.dims, got.names))
    peers, more_skipped = _select_peers(summaries, current_summary, current_path)
    skipped.extend(more_skipped)
    skipped.sort(key=lambda s: s.path)
    return _benchmark(folder, len(paths), peers, current_summary, tuple(skipped), from_cache)


def _score_files(keys: Sequence[str], workers: int | None, progress: Progress | None,
                 done: int, total: int) -> list[_Summary | SkippedFile]:
    """Summarise ``keys``; large batches also on worker processes.

    The calling process works along: it takes the next chunk whenever the workers have
    enough queued, so the workers' start-up (importing the app, about half a second) is
    not dead time.
    """
    count = workers if workers is not None else _default_workers()
    results: dict[str, _Summary | SkippedFile] = {}

    def report() -> None:
        if progress is not None:
            progress(done + len(results), total)

    nested = multiprocessing.parent_process() is not None  # never start workers from a worker
    if count > 1 and len(keys) >= PARALLEL_FROM and not nested:
        size = max(8, min(20, len(keys) // (count * 6)))
        chunks = [list(keys[i:i + size]) for i in range(0, len(keys), size)]
        pending: dict[Future[list[_Summary | SkippedFile]], list[str]] = {}
        try:
            with ProcessPoolExecutor(max_workers=count - 1, mp_context=_start_method()) as pool:
                while chunks or pending:
                    for fut in [f for f in pending if f.done()]:
                        results.update(zip(pending.pop(fut), fut.result(), strict=True))
                        report()
                    while chunks and len(pending) < 2 * (count - 1):
                        chunk = chunks.pop()  # workers take from the end, this process from the front
                        pending[pool.submit(_summarise_many, chunk)] = chunk
                    if chunks:
                        chunk = chunks.pop(0)
                        results.update(zip(chunk, _summarise_many(chunk), strict=True))
                        report()
                    elif pending:
                        wait(pending, return_when=FIRST_COMPLETED)
        except (BrokenProcessPool, OSError, RuntimeError):
            pass  # workers could not start or died (e.g. a script without a __main__ guard): finish here
    for i, k in enumerate(keys):
        if k not in results:
            results[k] = summarise(k)
            if i % 25 == 24:
                report()
    report()
    return [results[k] for k in keys]


def _start_method() -> multiprocessing.context.BaseContext:
    """"fork" where it is safe (Linux, a single thread, no Qt loaded): no start-up cost;
    otherwise "spawn" (a fresh interpreter that imports the app, about half a second)."""
    import threading

    if (sys.platform.startswith("linux") and threading.active_count() == 1
            and not any(m.startswith("PySide6") for m in sys.modules)):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _default_workers() -> int:
    """Processes working on a large folder, the calling one included.

    1 in a frozen (PyInstaller) app: "spawn" there re-runs the app's executable, which is only
    safe once its entry point calls ``multiprocessing.freeze_support()``; such an app passes
    ``workers`` explicitly.
    """
    if getattr(sys, "frozen", False):
        return 1
    return min(os.cpu_count() or 1, 4)


def _select_peers(summaries: Sequence[_Summary], current: _Summary | None,
                  current_path: Path | None) -> tuple[list[_Summary], list[SkippedFile]]:
    """Drop copies, superseded baselines and the current client's own assessments."""
    skipped: list[SkippedFile] = []
    by_id: dict[str, _Summary] = {}
    unique: list[_Summary] = []
    for s in sorted(summaries, key=lambda s: (len(Path(s.path).name), s.path)):  # "x (copy)" after "x"
        first = by_id.get(s.assessment_id) if s.assessment_id else None
        if first is not None:
            skipped.append(SkippedFile(s.path, f"a copy of the same assessment as {Path(first.path).name}"))
            continue
        if s.assessment_id:
            by_id[s.assessment_id] = s
        unique.append(s)
    followed_by: dict[str, _Summary] = {}
    for s in unique:
        if s.baseline_id and s.baseline_id in by_id:
            followed_by.setdefault(s.baseline_id, s)
    own: set[str] = set()
    if current is not None:
        # the current client's chain: its own id, its baselines, and their follow-ups in the folder
        own = {current.assessment_id}
        links = [(s.assessment_id, s.baseline_id) for s in unique if s.baseline_id]
        links.append((current.assessment_id, current.baseline_id))
        grown = True
        while grown:
            grown = False
            for a, b in links:
                if b and (a in own) != (b in own):
                    own.update((a, b))
                    grown = True
    peers: list[_Summary] = []
    for s in unique:
        if current_path is not None and Path(s.path).resolve() == current_path:
            continue
        if s.assessment_id in own:
            skipped.append(SkippedFile(s.path, "an assessment of the current client (not its own peer)"))
        elif s.assessment_id in followed_by:
            later = followed_by[s.assessment_id]
            skipped.append(SkippedFile(s.path, f"superseded by its follow-up {Path(later.path).name}"))
        else:
            peers.append(s)
    return peers, skipped


def _industry_key(industry: str) -> str:
    return " ".join(industry.split()).casefold()


def _benchmark(folder: Path, files: int, peers: Sequence[_Summary], current: _Summary | None,
               skipped: tuple[SkippedFile, ...], from_cache: int) -> Portfolio:
    names: dict[str, Text] = {}
    order: list[str] = []
    for s in [*peers, *([current] if current else [])]:
        for dim_id, en, de in s.names:
            if dim_id not in names:
                order.append(dim_id)
            names[dim_id] = Text(en, de)
    if current is not None:  # the current client's questionnaire order and names win
        order = [d for d, _en, _de in current.names] + [d for d in order if d not in {n[0] for n in current.names}]
        names.update((d, Text(en, de)) for d, en, de in current.names)

    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for s in peers:
        if s.industry.strip():
            spellings[_industry_key(s.industry)][" ".join(s.industry.split())] += 1
    groups = {k: c.most_common(1)[0][0] for k, c in spellings.items() if sum(c.values()) >= MIN_GROUP}
    industries = tuple(sorted(((label, sum(spellings[k].values())) for k, label in groups.items()),
                              key=lambda x: (-x[1], x[0])))

    def values(dim_id: str, members: Iterable[_Summary]) -> list[tuple[float, int]]:
        out = []
        for s in members:
            if dim_id == OVERALL:
                if s.overall is not None:
                    out.append((s.overall, s.overall_level))
                continue
            for d, sc, lv in s.dims:
                if d == dim_id and sc is not None:
                    out.append((sc, lv))
        return out

    def bench(dim_id: str, name: Text) -> DimensionBenchmark:
        by_industry = {}
        for key, label in sorted(groups.items(), key=lambda kv: kv[1]):
            dist = _distribution(values(dim_id, (s for s in peers if _industry_key(s.industry) == key)))
            if dist is not None:
                by_industry[label] = dist
        return DimensionBenchmark(dim_id, name, _distribution(values(dim_id, peers)), by_industry)

    overall = bench(OVERALL, Text("Overall maturity", "Reifegrad gesamt"))
    dims = tuple(bench(d, names[d]) for d in order)

    standing: CurrentStanding | None = None
    if current is not None:
        key = _industry_key(current.industry)
        group = groups.get(key) if current.industry.strip() else None
        mates = [s for s in peers if _industry_key(s.industry) == key] if group else []

        def stand(dim_id: str, name: Text, sc: float | None, lv: int | None) -> Standing:
            all_scores = [v for v, _lv in values(dim_id, peers)]
            ind_scores = [v for v, _lv in values(dim_id, mates)]
            ind_ok = group is not None and len(ind_scores) >= MIN_GROUP
            return Standing(dim_id, name, sc, lv, _percentile(sc, all_scores), len(all_scores),
                            _percentile(sc, ind_scores) if ind_ok else None, len(ind_scores) if ind_ok else 0)

        cur_dims = {d: (sc, lv) for d, sc, lv in current.dims}
        standing = CurrentStanding(
            path=current.path, industry=current.industry, industry_group=group,
            overall=stand(OVERALL, overall.name, current.overall, current.overall_level),
            dimensions=tuple(stand(d, names[d], *cur_dims.get(d, (None, None))) for d in order),
        )
    return Portfolio(str(folder), files, len(peers), industries, overall, dims, standing, skipped, from_cache)


def _quantile(sorted_values: Sequence[float], p: float) -> float:
    pos = (len(sorted_values) - 1) * p
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def _distribution(pairs: Sequence[tuple[float, int]]) -> Distribution | None:
    if not pairs:
        return None
    v = sorted(s for s, _lv in pairs)
    levels = Counter(lv for _s, lv in pairs)
    return Distribution(len(v), v[0], _r4(_quantile(v, 0.25)), _r4(_quantile(v, 0.5)), _r4(_quantile(v, 0.75)),
                        v[-1], (levels[1], levels[2], levels[3], levels[4]))


def _percentile(value: float | None, peers: Sequence[float]) -> float | None:
    if value is None or not peers:
        return None
    below = sum(1 for p in peers if p < value)
    equal = sum(1 for p in peers if p == value)
    return round(100.0 * (below + 0.5 * equal) / len(peers), 1)


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _r4(x: float) -> float:
    return round(x, 4)


# --------------------------------------------------------------------------- output


def to_jsonable(p: Portfolio, *, files: bool = True) -> dict[str, Any]:
    """The portfolio as JSON-able data; ``files=False`` leaves out the file names (client-facing use)."""
    from readiness_app.scoring import to_jsonable as plain

    data: dict[str, Any] = {
        "format": "readiness-portfolio/1",
        "assessments": p.assessments,
        "min_group": p.min_group,
        "industries": [{"industry": name, "assessments": n} for name, n in p.industries],
        "overall": plain(p.overall),
        "dimensions": [plain(d) for d in p.dimensions],
        "current": None if p.current is None else {
            k: v for k, v in plain(p.current).items() if files or k != "path"},
    }
    if files:
        data["folder"] = p.folder
        data["files"] = p.files
        data["from_cache"] = p.from_cache
        data["skipped"] = [{"path": s.path, "reason": s.reason} for s in p.skipped]
    return data


def format_portfolio(p: Portfolio, lang: str = "en") -> str:
    """Plain text for the ``readiness portfolio`` command."""

    def f(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}"

    lines = [f"Portfolio benchmark: {p.assessments} assessments ({p.files} files in {p.folder})"]
    if p.industries:
        lines.append("Industries with at least {} assessments: {}".format(
            p.min_group, ", ".join(f"{name} ({n})" for name, n in p.industries)))
    lines += ["", f"{'dimension':<40} {'n':>4} {'min':>5} {'q1':>5} {'med':>5} {'q3':>5} {'max':>5}"
              + ("   client  pctl" if p.current else "")]
    stands = {s.dimension_id: s for s in p.current.dimensions} if p.current else {}
    if p.current:
        stands["overall"] = p.current.overall
    for d in (p.overall, *p.dimensions):
        a = d.all
        row = (f"{d.name.get(lang)[:40]:<40} {a.count if a else 0:>4} {f(a.min if a else None):>5} "
               f"{f(a.q1 if a else None):>5} {f(a.median if a else None):>5} {f(a.q3 if a else None):>5} "
               f"{f(a.max if a else None):>5}")
        s = stands.get(d.dimension_id)
        if s is not None:
            pct = "-" if s.percentile is None else f"{s.percentile:.0f}"
            row += f"   {f(s.score):>6} {pct:>5}"
        lines.append(row)
    if p.current and p.current.industry_group:
        lines += ["", f"Within {p.current.industry_group}:"]
        for s in (p.current.overall, *p.current.dimensions):
            pct = "-" if s.industry_percentile is None else f"{s.industry_percentile:.0f}"
            lines.append(f"  {s.name.get(lang)}: percentile {pct} of {s.industry_peers}")
    if p.skipped:
        lines += ["", f"Skipped {len(p.skipped)} file(s):"]
        lines += [f"  {s.path}: {s.reason}" for s in p.skipped]
    return "\n".join(lines) + "\n"

"""Benchmark of the personal path: the PDF end to end against WeasyPrint's bare render, and opening a link.

For the Pohjanmaa path and a 200-step synthetic path it prints, from one run:
- end to end: `personal_pdf(personal)`: client view, DOT, HTML, WeasyPrint, while `dot -Tpdf` draws the
  diagram in a second process, then the drawing put in its placeholder's place (`paths.render.pdf_figure`);
- bare: `weasyprint.HTML(string=html).write_pdf(**same options)` of the very same HTML, already built;
- the parts beside WeasyPrint: `dot -Tpdf` alone, and the same bare render with the drawing (made
  beforehand) put in place, so that the difference is what placing it costs;
- the ratio (target at most 1.5x) and whether the Pohjanmaa PDF is under 500 ms;
- the time to open a personal link (token hash lookup + load of the personal path), with and without a PIN.

Run: `python bench/bench_personal.py [--repeat N]`. Figures are medians of N runs after a warm-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdf  # noqa: E402
import weasyprint  # noqa: E402

from bench.synthetic import synthetic_path  # noqa: E402
from paths.formats.files import load_path_file  # noqa: E402
from paths.model.schema import ServicePath  # noqa: E402
from paths.personal.model import PersonalContact, PersonalFill, PersonalPath, StepEntry, client_steps  # noqa: E402
from paths.personal.pdf import pdf_options, personal_diagram_dot, personal_html, personal_pdf  # noqa: E402
from paths.personal.pdf_style import DIAGRAM_BOX_MM  # noqa: E402
from paths.personal.store import PersonalStore  # noqa: E402
from paths.render.image import render_dot  # noqa: E402
from paths.render.pdf_figure import drawing_finisher  # noqa: E402

PDF_TARGET_RATIO = 1.5
POHJANMAA_TARGET_MS = 500


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the `dot` runs): less swayed by a busy machine."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed(func: Callable[[], object], repeat: int) -> float:
    """Median wall time of `func` in milliseconds, after one warm-up call."""
    return timed_pair(func, None, repeat)[0][0]


def timed_pair(
    first: Callable[[], object], second: Callable[[], object] | None, repeat: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (wall ms, CPU ms) of two functions run in turn, so that a busy machine weighs on both alike."""
    funcs = [f for f in (first, second) if f is not None]
    for func in funcs:
        func()
    walls: list[list[float]] = [[] for _ in funcs]
    cpus: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeat):
        for index, func in enumerate(funcs):
            cpu, start = cpu_seconds(), time.perf_counter()
            func()
            walls[index].append((time.perf_counter() - start) * 1000)
            cpus[index].append((cpu_seconds() - cpu) * 1000)
    medians = [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]
    return medians[0], (medians[1] if len(medians) > 1 else (0.0, 0.0))


def filled(path: ServicePath) -> PersonalPath:
    """A personal path as a client would have it mid-way: statuses, dates, notes, goals, a contact."""
    steps = client_steps(path)
    here = len(steps) // 3
    entries = {}
    for index, step in enumerate(steps):
        if index < here:
            entries[step.id] = StepEntry(status="done", date=dt.date(2025, 3, 1 + index % 28),
                                         note=f"Muistiinpano {index}: kävin, sovittiin jatkosta – åäö.", met="Liisa")
        elif index == here:
            entries[step.id] = StepEntry(status="here", note="Mitä seuraavaksi? Kysyn kuntoutuksesta.")
        elif index == here + 1:
            entries[step.id] = StepEntry(status="next")
    fill = PersonalFill(
        entries=entries,
        goals="Haluan jaksaa arjessa ja päästä työkokeiluun syksyllä.",
        contacts=[PersonalContact(name="Liisa", role="asiakasvastaava", phone="040 000 0000")],
        next_appointment="ti 12.3. klo 10",
    )
    return PersonalPath(id="0" * 32, owner="Bench", display_name="Ari", lang="fi", source_path_id=path.id,
                        source_version=1, source=path, fill=fill, version=2)


def bench_pdf(label: str, path: ServicePath, repeat: int) -> tuple[float, float]:
    """Prints one row; returns the end-to-end wall time (ms) and the wall-time ratio."""
    personal = filled(path)
    html = personal_html(personal)
    options = pdf_options()
    (e2e_wall, e2e_cpu), (bare_wall, bare_cpu) = timed_pair(
        lambda: personal_pdf(personal), lambda: weasyprint.HTML(string=html).write_pdf(**options), repeat
    )
    ratio = e2e_wall / bare_wall
    pages = len(pypdf.PdfReader(io.BytesIO(personal_pdf(personal))).pages)
    print(f"{label:<20} {len(client_steps(path)):>5} {pages:>5} {e2e_wall:>9.0f} {e2e_cpu:>8.0f} "
          f"{bare_wall:>9.0f} {bare_cpu:>8.0f} {ratio:>6.2f} {e2e_cpu / bare_cpu:>6.2f}"
          f"  {'ok' if ratio <= PDF_TARGET_RATIO else 'OVER'}")
    dot_source = personal_diagram_dot(personal)
    drawing = render_dot(dot_source, "pdf")
    finisher = drawing_finisher(lambda: drawing, DIAGRAM_BOX_MM)
    (dot_wall, _), (placed_wall, _) = timed_pair(
        lambda: render_dot(dot_source, "pdf"),
        lambda: weasyprint.HTML(string=html).write_pdf(finisher=finisher, **options),
        repeat,
    )
    print(f"{'':<32} beside WeasyPrint: dot -Tpdf {dot_wall:.0f} ms (in a second process); "
          f"bare render with the drawing placed {placed_wall:.0f} ms")
    return e2e_wall, ratio


def bench_link(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = PersonalStore(f"sqlite:///{Path(tmp) / 'personal.db'}")
        path = load_path_file(ROOT / "data" / "pohjanmaa.yaml")
        personal, token = store.create(path, 1, owner="Bench", display_name="Ari", lang="fi")
        store.save_fill(personal.id, filled(path).fill, "client")
        _, pin_token = store.create(path, 1, owner="Bench", display_name="Maija", lang="fi", pin="2468")
        plain = timed(lambda: store.open_link(token), repeat * 10)
        with_pin = timed(lambda: store.open_link(pin_token, "2468"), repeat)
        wrong = timed(lambda: store.open_link("x" * 43), repeat * 10)
        store.engine.dispose()
    print(f"open a personal link (token lookup + load):  {plain:.1f} ms")
    print(f"open a PIN-guarded link (+ Argon2 check):    {with_pin:.1f} ms")
    print(f"wrong token (polite not found):              {wrong:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    print(f"Personal path PDF (median of {args.repeat}, ms; target end to end <= {PDF_TARGET_RATIO}x bare)")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (CPU ms are less swayed by load)")
    print(f"{'':<32} {'end to end':>18} {'bare render':>18} {'ratio':>13}")
    columns = ("wall", "cpu", "wall", "cpu", "wall", "cpu")
    widths = (9, 8, 9, 8, 6, 6)
    header = " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    print(f"{'path':<20} {'steps':>5} {'pages':>5} {header}")
    pohjanmaa_ms, _ = bench_pdf("pohjanmaa", load_path_file(ROOT / "data" / "pohjanmaa.yaml"), args.repeat)
    bench_pdf("synthetic 200 steps", synthetic_path(200), max(1, args.repeat // 2))
    verdict = "ok" if pohjanmaa_ms < POHJANMAA_TARGET_MS else "OVER"  # wall time, as the target says
    print(f"Pohjanmaa PDF end to end: {pohjanmaa_ms:.0f} ms (target < {POHJANMAA_TARGET_MS} ms: {verdict})")
    bench_link(args.repeat)


if __name__ == "__main__":
    main()

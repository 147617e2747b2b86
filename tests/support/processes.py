"""Run a test's worker in several fresh processes at once (forkserver: no inherited connections)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable


def run_in_processes(
    target: Callable[..., None], args: list[tuple], preload: str, expected: int | None = None, timeout: float = 240
) -> list:
    """Start one process per `args` tuple, each called as `target(*args, barrier, queue)`: they wait at
    the barrier together and put their results on the queue (one each unless `expected` says how
    many in all). Returns the results; fails when a process did not exit cleanly."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload])
    barrier = context.Barrier(len(args))
    queue = context.Queue()
    processes = [context.Process(target=target, args=(*one, barrier, queue)) for one in args]
    for process in processes:
        process.start()
    try:
        results = [queue.get(timeout=timeout) for _ in range(len(processes) if expected is None else expected)]
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()
    assert all(process.exitcode == 0 for process in processes), [p.exitcode for p in processes]
    return results

"""Where a batch's jobs run: local worker processes (the default) or a Dask cluster.

Workers are processes, not threads: Arelle runs one session per process at a time, and a
process of its own keeps a crash or a leak from touching the others.  Each worker warms
up once (``job.warm_up``) and converts filing after filing.

The local engine hands each worker one job at a time over a pipe of its own, so it always
knows which filing a worker holds: when a worker dies (killed, out of memory), that filing
is recorded as crashed, a new worker takes its place, and the batch goes on.  (A shared
task queue would be simpler, but a worker killed while holding the queue's lock stalls
every other worker.)
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import Any

from converter.batch.job import FilingOutcome, Job, Status, run_filing, warm_up
from converter.errors import EXIT_MEANINGS, WORKER_DIED_EXIT, UsageError

Done = Callable[[FilingOutcome], None]
Task = Callable[[Job], FilingOutcome]  # a module-level function: workers import it by name


def crashed(job: Job, detail: str) -> FilingOutcome:
    return FilingOutcome(*job.key, Status.CRASHED, WORKER_DIED_EXIT, EXIT_MEANINGS[WORKER_DIED_EXIT],
                         message=detail)


def _serve(conn: Connection, task: Task) -> None:
    """A worker's life: warm up, then convert each job the pipe brings until told to stop.
    Ctrl-C is the batch's to handle (it stops the workers), not each worker's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(task(job))


class _Worker:
    def __init__(self, ctx: Any, task: Task) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, task), daemon=True)
        self.process.start()
        child.close()
        self.job: Job | None = None

    def give(self, job: Job) -> None:
        self.job = job
        self.conn.send(job)

    def stop(self) -> None:
        if self.job is not None:  # interrupted mid-filing: its staging folder is removed on the next run
            self.process.kill()
            self.process.join()
            return
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()


class LocalEngine:
    """Worker processes on this machine, started fresh (spawn: nothing inherited)."""

    def __init__(self, workers: int, task: Task = run_filing) -> None:
        self.workers = workers
        self.task = task

    def run(self, jobs: list[Job], done: Done) -> None:
        if not jobs:
            return
        ctx = multiprocessing.get_context("spawn")
        queue = deque(jobs)
        pool = [_Worker(ctx, self.task) for _ in range(min(self.workers, len(jobs)))]
        try:
            for worker in pool:
                worker.give(queue.popleft())
            while any(w.job is not None for w in pool):
                busy = [w for w in pool if w.job is not None]
                wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
                for i, worker in enumerate(pool):
                    if worker.job is None or not (worker.conn.poll() or not worker.process.is_alive()):
                        continue
                    try:
                        done(worker.conn.recv())
                    except (EOFError, OSError):
                        worker.process.join(timeout=5)
                        done(crashed(worker.job, f"worker {worker.process.pid} died "
                                                 f"(exit code {worker.process.exitcode})"))
                        worker = pool[i] = _Worker(ctx, self.task)
                    worker.job = None
                    if queue:
                        worker.give(queue.popleft())
        finally:
            for worker in pool:
                worker.stop()


_warm = False


def dask_task(job: Job) -> FilingOutcome:
    """One filing on a Dask worker; the first task a worker runs warms it up."""
    global _warm
    if not _warm:
        warm_up()
        _warm = True
    return run_filing(job)


class DaskEngine:
    """The same jobs on a Dask distributed cluster: the one at ``scheduler``
    (tcp://HOST:PORT), or a LocalCluster of ``workers`` processes started for the batch.
    On a cluster of several machines, the inputs and the output folder must be on storage
    every worker sees at the same paths."""

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        self.workers = workers
        self.scheduler = scheduler

    def run(self, jobs: list[Job], done: Done) -> None:
        if not jobs:
            return
        try:
            from dask.distributed import Client, LocalCluster, as_completed
        except ImportError:
            raise UsageError("the Dask engine needs Dask: pip install \".[dask]\"") from None

        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, host="127.0.0.1")
        try:
            with Client(self.scheduler or cluster) as client:
                futures = {client.submit(dask_task, job, key=f"filing-{job.name}-{job.settings.key()}",
                                         pure=False): job for job in jobs}
                for future in as_completed(futures):
                    job = futures[future]
                    try:
                        done(future.result())
                    except Exception as exc:  # KilledWorker, a lost connection: the filing crashed
                        done(crashed(job, f"{type(exc).__name__}: {exc}"))
        finally:
            if cluster is not None:
                cluster.close()

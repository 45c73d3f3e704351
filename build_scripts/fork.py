"""Two cores for one stage: part of the work done in a forked child while this process does the rest.

Rendering takes half of a rebuild after an edit and is pure: each page depends on the model only.
``in_parallel(here, there)`` returns ``(here(), there())``, computing ``there`` in a child made
with ``os.fork`` (which shares the model as it is, without pickling it) while this process
computes ``here``; the child sends its result back pickled through a pipe. The link stage shares
the matching of a cold build the same way (``link/stage.py``).

The child is only ever a shortcut. When it cannot help or might not be safe it is not made, and
``there`` runs here after ``here``:

- no ``os.fork`` (Windows), or not Linux (macOS's system libraries are not fork-safe);
- one core only (or a container's CPU quota of one);
- other threads are running (``serve``'s file watcher and web server): a lock one of them holds
  at the fork would stay held for ever in the child.

``Child.start(task)`` forks a child for a task's effects alone (``BackgroundCompile`` fills the
template cache with it), under the same conditions; what it does is only ever a shortcut too.

When the child fails in any way (an exception, a signal, a result that does not unpickle), its
result is ignored and ``there`` runs here, so a problem is raised in this process as it would be
without a child: a located message, never a child's traceback. When ``here`` fails, the child is
stopped before the exception goes on.
"""

from __future__ import annotations

import contextlib
import gc
import math
import os
import pickle
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar, cast

Here = TypeVar("Here")
There = TypeVar("There")


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity, capped by a container's CPU quota."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = cpu_quota()
    return max(1, min(cores, math.ceil(quota))) if quota is not None else cores


CGROUP = Path("/sys/fs/cgroup")


def cpu_quota(root: Path = CGROUP) -> float | None:
    """The CPUs' worth of time a container may use (cgroup v2 ``cpu.max``, or v1 ``cpu.cfs_quota_us``
    over ``cpu.cfs_period_us``), or None without a quota: Docker's ``--cpus=1`` leaves two cores
    visible, and a child on the second would only take turns with this process."""
    try:
        quota, _, period = (root / "cpu.max").read_text(encoding="ascii").partition(" ")
    except OSError:
        try:
            quota = (root / "cpu" / "cpu.cfs_quota_us").read_text(encoding="ascii")
            period = (root / "cpu" / "cpu.cfs_period_us").read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError):
            return None
    try:
        limit, interval = int(quota), int(period)
    except ValueError:  # "max": no quota (or not a number at all)
        return None
    return limit / interval if limit > 0 and interval > 0 else None


def can_fork() -> bool:
    """Whether a forked child can safely take part of the work, and would run beside this process."""
    return hasattr(os, "fork") and sys.platform.startswith("linux") and usable_cores() > 1 and not _other_threads()


def _other_threads() -> bool:
    """Python threads besides this one. Threads a C library keeps are not counted: numpy's OpenBLAS
    starts an idle pool on import, and the child does no linear algebra."""
    return threading.active_count() > 1


class Child:
    """A forked child running a task for its effects (filling a cache), with ``Popen``'s ``wait`` and
    ``kill``; what the task does is all there is to it: it succeeds or fails silently."""

    POLL = 0.002  # seconds between looks while waiting with a timeout

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    @classmethod
    def start(cls, task: Callable[[], object]) -> Child | None:
        """``task()`` in a forked child, when ``can_fork()`` and the system gives one; else None."""
        if not can_fork():
            return None
        try:
            pid = _fork()
        except OSError:  # out of processes or memory: no child
            return None
        if pid == 0:
            _run_child(task)
        return cls(pid)

    def wait(self, timeout: float | None = None) -> int:
        """The child's exit status; ``TimeoutError`` if it runs beyond ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, 0 if deadline is None else os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere: its status is lost, and it did what it did
                self.returncode = 0
                break
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
            elif deadline is not None and time.monotonic() > deadline:  # with no deadline, pid is never 0
                raise TimeoutError(f"child {self.pid} still running after {timeout} s")
            else:
                time.sleep(self.POLL)
        return self.returncode

    def kill(self) -> None:
        if self.returncode is None:
            with contextlib.suppress(OSError):  # gone already
                os.kill(self.pid, signal.SIGKILL)


def _fork() -> int:
    """``os.fork()``. From Python 3.12 it warns whenever the process has other threads, C ones included:
    numpy's OpenBLAS keeps an idle pool (fork-safe: it registers ``pthread_atfork`` handlers), and
    ``can_fork`` has ruled out Python threads, so the warning says nothing here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def _run_child(task: Callable[[], object]) -> None:
    status = 1
    try:
        gc.disable()  # a short life: collecting would touch (and so copy) every shared page
        task()
        status = 0
    except BaseException:  # noqa: BLE001 - the parent does the work itself when the child did not
        pass
    finally:
        os._exit(status)


def in_parallel(here: Callable[[], Here], there: Callable[[], There]) -> tuple[Here, There]:
    """``(here(), there())``, ``there`` computed in a forked child meanwhile when ``can_fork()``."""
    if not can_fork():
        return here(), there()
    try:
        read_end, write_end = os.pipe()
    except OSError:  # out of file descriptors: no child
        return here(), there()
    try:
        pid = _fork()
    except OSError:  # out of processes or memory (a container's limits): no child
        os.close(read_end)
        os.close(write_end)
        return here(), there()
    if pid == 0:  # the child: compute, send, and leave without running the parent's exit handlers
        os.close(read_end)
        _child(there, write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        try:
            mine = here()
            theirs = _collect(pid, pipe)
        except BaseException:
            _stop(pid)
            raise
    return mine, (cast(There, theirs[0]) if theirs is not None else there())


def _child(there: Callable[[], object], write_end: int) -> None:
    def send() -> None:
        data = pickle.dumps((there(),), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)

    _run_child(send)  # any failure: this process computes ``there`` again, raising it properly


def _collect(pid: int, pipe: BinaryIO) -> tuple[object] | None:
    """The child's result in a 1-tuple, or None when it failed."""
    data = pipe.read()  # to the end, before waiting: a full pipe would block the child
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        result = pickle.loads(data)  # written by our own child, a moment ago
    except Exception:  # noqa: BLE001 - cut short or garbled: compute it here instead
        return None
    return result if isinstance(result, tuple) and len(result) == 1 else None


def _stop(pid: int) -> None:
    """Stop and reap the child (``here`` failed, or this process was interrupted while collecting)."""
    for step in (lambda: os.kill(pid, signal.SIGKILL), lambda: os.waitpid(pid, 0)):
        with contextlib.suppress(OSError):  # gone or reaped already: nothing left to stop
            step()

"""One run at a time, and whole: what keeps two runs, or a signal, from leaving docs/ part one build and
part another.

- ``one_writer``: ``generate``, ``build`` and each ``serve`` regeneration hold a lock on docs/ while they
  read the texts and write it (``make serve`` in one terminal, ``make build`` in another);
- ``signals_held``: Ctrl-C, SIGTERM and SIGHUP wait while docs/ and the records beside the texts are written.

The write stage itself (``write.py``) makes each file whole; these make the set of files whole.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; two builds at once there are not kept apart
    fcntl = None  # type: ignore[assignment]

from .write import check_not_looped, nearest_folder


@contextlib.contextmanager
def one_writer(docs: Path, waiting: Callable[[], None]) -> Iterator[None]:
    """One ``generate`` (or ``build``) at a time writes ``docs``: ``make serve`` regenerating while ``make
    build`` runs in another terminal. A second one calls ``waiting`` and waits until the first is done,
    then reads the texts as they are by then; otherwise the two wrote docs/ at once, part one's and part
    the other's, and the one that read the texts first could write last.

    The lock is ``flock`` on the folder holding docs/ (or the one it will be made in): no file is made, and a run
    stopped in any way (kill -9 included) holds it no more. Where there is none to take (no ``fcntl``, a
    folder that cannot be opened) the run goes on without it."""
    check_not_looped(docs)
    holder = nearest_folder(docs.resolve().parent)  # not made yet: the folder it will be made in
    try:
        fd = os.open(holder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                waiting()
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:  # a file system without locks: as without fcntl
                pass
        yield
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed) wait while docs/ and the records beside the
    texts are written, a moment: the run stops once they all are, never with docs/ part the old build and
    part the new one, or a record that does not match it. One ignored (``nohup``) stays so. Handlers can
    only be set in the main thread: elsewhere, as without."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {
        number: signal.signal(number, lambda signum, _: caught.append(signum))
        for number in _HELD
        if signal.getsignal(number) is not signal.SIG_IGN
    }
    try:
        yield
    finally:
        for number, handler in previous.items():  # None: a handler set outside Python, which cannot be set back
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        if caught:  # the first signal as if it came now
            signal.raise_signal(caught[0])


_HELD = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)  # no SIGHUP on Windows

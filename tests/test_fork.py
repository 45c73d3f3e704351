"""fork.in_parallel: the second share of the work in a forked child, never a different result."""

from __future__ import annotations

import os
import signal
import threading
import warnings

import pytest

from build_scripts import fork
from build_scripts.pipeline import render_site

USABLE_CORES = fork.usable_cores  # the real one, which the fixture below replaces


@pytest.fixture(autouse=True)
def two_cores(monkeypatch):
    """The tests run on a one-core machine too (the child then takes turns with this process)."""
    monkeypatch.setattr(fork, "usable_cores", lambda: 2)


@pytest.fixture(autouse=True)
def no_other_thread(request, monkeypatch):
    """After the browser tests, their server and driver threads live on in this process (the child here
    touches nothing they hold); a test marked ``real_threads`` sees the threads as they are."""
    if not request.node.get_closest_marker("real_threads"):
        monkeypatch.setattr(fork, "_other_threads", lambda: False)


def test_the_second_share_is_computed_in_a_child():
    parent = os.getpid()
    here, there = fork.in_parallel(os.getpid, os.getpid)
    assert here == parent and there != parent


def test_a_failing_child_is_computed_again_here_so_the_error_is_raised_in_this_process():
    parent = os.getpid()

    def there():
        raise ValueError(f"raised in {'this process' if os.getpid() == parent else 'the child'}")

    with pytest.raises(ValueError, match="raised in this process"):
        fork.in_parallel(lambda: 1, there)


def test_a_child_killed_by_a_signal_is_replaced_by_computing_here():
    parent = os.getpid()

    def there():
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return "here"

    assert fork.in_parallel(lambda: 1, there) == (1, "here")


def test_when_this_share_fails_the_child_is_stopped_and_reaped(monkeypatch):
    children = []
    real_fork = os.fork

    def recorded_fork():
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded_fork)

    def here():
        raise RuntimeError("here failed")

    def there():
        signal.pause()  # would wait for ever if not stopped

    with pytest.raises(RuntimeError, match="here failed"):
        fork.in_parallel(here, there)
    assert len(children) == 1
    with pytest.raises(ChildProcessError):  # nothing left to reap: it was stopped and waited for
        os.waitpid(children[0], os.WNOHANG)


@pytest.mark.real_threads
def test_no_child_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork.can_fork()
        parent = os.getpid()
        assert fork.in_parallel(os.getpid, os.getpid) == (parent, parent)
    finally:
        stop.set()
        thread.join()


def test_a_fork_the_system_refuses_leaves_the_work_to_this_process(monkeypatch):
    def refuse():
        raise BlockingIOError(11, "Resource temporarily unavailable")  # a container's process limit

    monkeypatch.setattr(os, "fork", refuse)
    parent = os.getpid()
    assert fork.in_parallel(os.getpid, os.getpid) == (parent, parent)


def test_render_gives_the_same_files_with_and_without_a_child(model, monkeypatch):
    assert fork.can_fork()
    collected = []
    collect = fork._collect
    monkeypatch.setattr(fork, "_collect", lambda pid, pipe: collected.append(collect(pid, pipe)) or collected[-1])
    with_child = render_site(model)
    assert collected and collected[0] is not None  # the child's pages came back, not rendered again here
    monkeypatch.setattr(fork, "can_fork", lambda: False)
    assert render_site(model) == with_child


def test_a_child_runs_a_task_for_its_effects_and_reports_its_exit(tmp_path):
    done = tmp_path / "done"
    child = fork.Child.start(lambda: done.write_text(str(os.getpid())))
    assert child is not None and child.wait(timeout=10) == 0
    assert done.read_text() == str(child.pid) != str(os.getpid())

    def fail():
        raise RuntimeError("quietly")

    failing = fork.Child.start(fail)
    assert failing is not None and failing.wait() == 1  # no traceback: the parent does the work itself


def test_a_child_that_runs_too_long_is_reported_and_can_be_killed():
    child = fork.Child.start(signal.pause)
    assert child is not None
    with pytest.raises(TimeoutError):
        child.wait(timeout=0.05)
    child.kill()
    assert child.wait(timeout=10) == -signal.SIGKILL
    child.kill()  # reaped already: nothing to do


def test_no_child_is_started_where_a_fork_cannot_help(monkeypatch):
    monkeypatch.setattr(fork, "usable_cores", lambda: 1)
    assert fork.Child.start(lambda: None) is None


@pytest.mark.parametrize(
    "files, quota",
    [
        ({"cpu.max": "max 100000\n"}, None),  # cgroup v2 without a quota
        ({"cpu.max": "100000 100000\n"}, 1.0),  # docker run --cpus=1
        ({"cpu.max": "150000 100000\n"}, 1.5),
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),  # cgroup v1, no quota
        ({"cpu/cpu.cfs_quota_us": "50000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 0.5),
        ({}, None),  # no cgroup file system (macOS)
        ({"cpu.max": "garbage"}, None),
    ],
)
def test_a_containers_cpu_quota_is_read(tmp_path, files, quota):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert fork.cpu_quota(tmp_path) == quota


def test_a_quota_of_one_cpu_leaves_one_core_to_use(monkeypatch):
    monkeypatch.setattr(fork.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    for quota, cores in ((1.0, 1), (0.5, 1), (1.5, 2), (None, 2)):
        monkeypatch.setattr(fork, "cpu_quota", lambda quota=quota: quota)
        assert USABLE_CORES() == cores, quota


def test_a_child_reaped_elsewhere_counts_as_done():
    child = fork.Child.start(lambda: None)
    assert child is not None
    os.waitpid(child.pid, 0)  # as a signal handler or a library might
    assert child.wait(timeout=10) == 0


def test_the_warning_python_3_12_gives_on_fork_with_c_threads_does_not_stop_a_child(monkeypatch):
    real_fork = os.fork

    def warning_fork():  # what 3.12 does while numpy's OpenBLAS pool thread exists
        message = "This process is multi-threaded, use of fork() may lead to deadlocks"
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return real_fork()

    monkeypatch.setattr(os, "fork", warning_fork)
    child = fork.Child.start(lambda: None)
    assert child is not None and child.wait(timeout=10) == 0
    parent = os.getpid()
    here, there = fork.in_parallel(os.getpid, os.getpid)
    assert here == parent != there

"""Every one of 66号's 106 tasks has the roles a careful reader finds (tests/data/task_roles.tsv)."""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).parent / "data" / "task_roles.tsv"


def _expected() -> dict[str, tuple[str, bool, list[str], list[str]]]:
    rows = {}
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        number, mode, open_list, leads, others = line.split("\t")
        assert open_list in ("yes", "no"), line
        rows[number] = (
            mode,
            open_list == "yes",
            [n for n in leads.split("、") if n],
            [n for n in others.split("、") if n],
        )
    return rows


def test_fixture_covers_tasks_1_to_106():
    assert list(_expected()) == [str(n) for n in range(1, 107)]


def test_every_66_task_has_the_roles_read_from_the_text(model):
    by_name = {name: a.id for a in model.agencies for name in (a.name, *a.short_names)}
    tasks = {t.number: t for t in model.tasks if t.doc == "guobanhan-2016-66"}
    wrong = []
    for number, (mode, open_list, leads, others) in _expected().items():
        task = tasks[number]
        want = (mode, open_list, [by_name[n] for n in leads], [by_name[n] for n in others])
        got = (task.mode, task.open_list, list(task.lead_agencies), list(task.other_agencies))
        if got != want:
            wrong.append((number, want, got))
    assert wrong == []

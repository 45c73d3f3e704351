"""axe-core finds no serious or critical violation on any page type."""

from __future__ import annotations

import pytest

from .site_pages import representative_pages


@pytest.mark.browser
def test_no_serious_axe_violations_on_any_page_type(built, base_url, page):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for kind, path in representative_pages(built.html).items():
        page.goto(base_url + path.lstrip("/"), wait_until="load")
        results = axe.run(page)
        serious = [
            f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['target']}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[kind] = serious
    assert found == {}

"""What a reader copies from a document page is the document's words: the site's own notes inside them are shown,
not copied."""

from __future__ import annotations

import pytest

from .conftest import new_page

pytestmark = pytest.mark.browser

# Select the whole of an element, copy it as a reader does (Ctrl+C), and read what the clipboard got.
SELECT = """id => { const range = document.createRange(); range.selectNodeContents(document.getElementById(id));
  const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range); }"""


@pytest.mark.parametrize(
    ("slug", "anchor"),
    [
        ("guobanhan-2016-66", "p3-s1"),
        ("guofa-2016-86", "p1-s1"),
        ("yufufa-2016-25", "p1-s4"),
        ("guobanhan-2016-66", "t55"),
    ],
)
def test_a_sentence_copied_is_the_documents_words_without_the_sites_marks(built, browser, base_url, slug, anchor):
    """The site marks 国发〔2015〕71号 (a document it does not hold) with ，本站未收录 inside the text's own brackets;
    a reader who copied the sentence got those words as the document's (session 39's fact-check review), and
    the sentence's # (its link mark) after its 。 A task copied whole is its words too: not its sentences' #, its ¶,
    ⇄ and 任务页."""
    words = built.site.corpus.clause_index()[f"{slug}/{anchor.replace('-', '/')}"].text
    assert "（国发〔2015〕71号）" in words or "（知识产权局、发展改革委、财政部负责）" in words
    with new_page(browser, base_url=base_url, permissions=["clipboard-read", "clipboard-write"]) as page:
        page.goto(f"documents/{slug}/", wait_until="load")
        sentence = page.locator(f"#{anchor}")
        shown = sentence.inner_text()
        assert "本站未收录" in shown or "任务页" in shown, shown  # the site's marks are shown
        page.evaluate(SELECT, anchor)
        page.keyboard.press("Control+c")
        text = page.evaluate("navigator.clipboard.readText()")
        assert text == words

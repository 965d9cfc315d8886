"""Whitespace compaction (ikgen/publish/compact_html.py) keeps what a page shows."""

from __future__ import annotations

from ikgen.publish.compact_html import compact_whitespace


def test_blank_lines_and_indentation_become_one_line_break() -> None:
    html = '<ul>\n    \n      \n  <li class="a">\n\n    <a href="x">X</a>\n  </li>\n\n</ul>'
    assert compact_whitespace(html) == '<ul>\n<li class="a">\n<a href="x">X</a>\n</li>\n</ul>'


def test_whitespace_between_words_and_inline_elements_stays_whitespace() -> None:
    html = "<p>Två <em>av</em>\n     tio  fakturor</p>"
    assert compact_whitespace(html) == "<p>Två <em>av</em>\ntio  fakturor</p>"


def test_pre_textarea_script_and_style_are_left_as_written() -> None:
    kept = (
        "<pre><code>rad 1\n\n    rad 2\n</code></pre>",
        "<textarea>\n\n  text\n</textarea>",
        "<script>var s = `a\n\n   b`;\n  \n</script>",
        "<STYLE>\n\n  p { margin: 0 }\n</STYLE>",
    )
    for block in kept:
        assert compact_whitespace(f"<div>\n\n  {block}\n\n</div>") == f"<div>\n{block}\n</div>"


def test_the_text_a_reader_gets_is_unchanged() -> None:
    from bs4 import BeautifulSoup

    html = (
        "<html><body><nav>\n  \n    <a>Start</a>\n\n  </nav><main><h1>Rubrik</h1>\n"
        "   <p>Text <strong>fet</strong>\n\n  mer.</p><pre>a\n\n b</pre></main></body></html>"
    )
    before = BeautifulSoup(html, "html.parser")
    after = BeautifulSoup(compact_whitespace(html), "html.parser")
    assert " ".join(before.get_text().split()) == " ".join(after.get_text().split())
    assert after.pre is not None and after.pre.get_text() == "a\n\n b"
    assert len(compact_whitespace(html)) < len(html)

"""Text from YAML made safe: Markdown fields to sanitized HTML, one-line texts escaped.

Every string an editor writes reaches the page through one of these functions, so no YAML
text can inject script or markup, or break out of the card it belongs to.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

_ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
    "del",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "ol": {"start"}}
_HEADING = re.compile(r"<(/?)h([1-6])>")


def _shift_heading(match: re.Match[str]) -> str:
    # Field text sits inside a control card (h3); its headings must nest below it.
    level = min(int(match.group(2)) + 3, 6)
    return f"<{match.group(1)}h{level}>"


class MarkdownFields:
    """Turns editors' Markdown fields into HTML that carries no script, style or foreign markup.

    One per renderer: its converter is reused (building one costs more than converting a short
    field) and its results are remembered (the same field appears on a report and on its
    control's page).
    """

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=["sane_lists", "tables", "fenced_code"], output_format="html"
        )
        self._done: dict[str, str] = {}

    def to_html(self, text: str | None) -> str:
        """A field as safe HTML (empty for no text)."""
        if not text:
            return ""
        if text not in self._done:
            self._done[text] = self._convert(text)
        return self._done[text]

    def block(self, text: str | None, css_class: str = "ik-text") -> str:
        """A field as a self-contained HTML block for a generated page."""
        body = self.to_html(text)
        return f'<div class="{css_class}">\n{body}\n</div>' if body else ""

    def _convert(self, text: str) -> str:
        rendered = self._md.reset().convert(text)
        rendered = _HEADING.sub(_shift_heading, rendered)
        clean = nh3.clean(
            rendered,
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener nofollow",
        )
        # A blank line would end the raw HTML block in the page's Markdown; keep it one block.
        return re.sub(r"\n\s*\n", "\n", clean).strip()


def markdown_to_html(text: str | None) -> str:
    """One field as safe HTML, with a converter of its own (for tools and tests)."""
    return MarkdownFields().to_html(text)


def html_block(text: str | None, css_class: str = "ik-text") -> str:
    """One field as a self-contained HTML block, with a converter of its own."""
    return MarkdownFields().block(text, css_class)


def inline(text: str | None) -> str:
    """A one-line text (title, name) escaped for use inside HTML."""
    return html.escape(" ".join((text or "").split()), quote=True)


# Exactly the characters Python-Markdown lets a backslash escape; others would show the "\".
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def heading_text(text: str | None) -> str:
    """A one-line text escaped for a Markdown heading (no emphasis, links or attributes)."""
    escaped = html.escape(" ".join((text or "").split()), quote=False)
    # Escape Markdown punctuation so a title like "# x {#y}" stays literal text.
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def number(value: float | None) -> str:
    """A number in Swedish notation: decimal comma, no needless decimals, thin-space thousands."""
    if value is None:
        return ""
    if float(value).is_integer():
        whole = f"{int(value):,}".replace(",", "\u00a0")
        return whole
    return f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u00a0").replace(".", ",")


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection")."""


def defuse(text: str) -> str:
    """A text that a spreadsheet would run as a formula, with an apostrophe before it.

    ``=HYPERLINK("http://x","y")`` becomes ``'=HYPERLINK("http://x","y")``: Excel, LibreOffice
    and Google Sheets show it as text. A text that already starts with apostrophes before such a
    character gets one more, so :func:`undefuse` can always give back the original.
    """
    return "'" + text if text.lstrip("'").startswith(FORMULA_START) else text


def undefuse(text: str) -> str:
    """The text :func:`defuse` was given: one apostrophe fewer before a formula character."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_START):
        return text[1:]
    return text

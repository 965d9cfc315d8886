"""Pages without the blank lines Material's templates leave: the same page in fewer bytes.

Material's Jinja templates leave a line of indentation for every loop turn and condition, most
of all in the navigation: a collapsed nämnd there cost about 600 bytes, mostly spaces, and the
more years a nämnd had, the more (so a page's chrome grew with the history of other nämnder).
Every run of whitespace that holds a line break becomes one line break. Outside ``<pre>``,
``<textarea>``, ``<script>`` and ``<style>`` that renders the same (a run of whitespace is one
space wherever whitespace counts at all), and those four are left exactly as written.
"""

from __future__ import annotations

import re

_KEPT_OR_BLANK = re.compile(
    r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|([ \t\r\f]*\n\s*)",
    re.DOTALL | re.IGNORECASE,
)


def _replace(match: re.Match[str]) -> str:
    return match.group(1) if match.group(1) is not None else "\n"


def compact_whitespace(html: str) -> str:
    """``html`` with every whitespace run that holds a line break made one line break."""
    return _KEPT_OR_BLANK.sub(_replace, html)

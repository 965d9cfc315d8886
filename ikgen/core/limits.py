"""Limits on a Markdown field, so that whatever passes ``ikgen check`` builds in linear time.

Python-Markdown (``ikgen/text.py``) scans forward from some characters: from every ``[`` to its
``]``, from a link's ``](`` to its ``)`` (past it, while a title's quote is open), from every
``<`` that may start an HTML tag to the next ``>``; it re-reads the rest of a paragraph after
every heading or rule in it, and places each inline element (emphasis, code, link, escape, line
break) among all the others of its paragraph. A field with thousands of such characters makes
the build quadratic (10 000 ``[`` take minutes), and a list nested a few hundred levels deep
ends in a RecursionError. Each limit below bounds one of these costs; all are counted in one
pass, and all are far above what a real report writes (a handful of links, two or three list
levels; the README lists them for editors):

- ``MAX_NESTING`` (20): lists and quotes (``>``) inside each other on one line, indentation
  counted as one level per four columns;
- ``MAX_OPEN_BRACKETS`` (10): ``[`` (also of ``![``) open at the same time, without ``]``;
- ``MAX_OPEN_LINKS`` (10): link addresses ``](`` open at the same time, without ``)``;
- ``MAX_OPEN_TITLES`` (10): link addresses whose title quote does not close before ``)``;
- ``MAX_OPEN_TAGS`` (10): ``<`` followed by a letter, ``/``, ``!`` or ``?`` since the last ``>``;
- ``MAX_EMPHASIS_RUN`` (100): ``*`` or ``_`` in a row;
- ``MAX_BLOCK_LINES`` (50): headings and rules (``#``, ``---``, ``===``) in one paragraph;
- ``MAX_INLINE_MARKUP`` (1000): characters that may start emphasis, code, a link, a tag, an
  entity or an escape (``*_`[<&\\``), and line breaks, in one paragraph.

Each open character then costs at most one scan of its paragraph, so a field of 50 000
characters just under every limit renders in about a second at most, and twice the text costs
twice the time (``tests/test_granser.py``). The counts are conservative: escapes ``\\[`` are
skipped, but brackets in code are counted, so a limit may refuse a little early, never late.
"""

from __future__ import annotations

import re

MAX_NESTING = 20
MAX_OPEN_BRACKETS = 10
MAX_OPEN_LINKS = 10
MAX_OPEN_TITLES = 10
MAX_OPEN_TAGS = 10
MAX_EMPHASIS_RUN = 100
MAX_BLOCK_LINES = 50
MAX_INLINE_MARKUP = 1000

# The container markers that start a line: quotes, bullets and numbers (then a space).
_LINE_PREFIX = re.compile(r"^([ \t]*)((?:(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*)*)", re.M)
_MARKER = re.compile(r">|[-*+][ \t]|\d{1,9}[.)][ \t]")
# Escapes first, so that "\[" and "\\" never count as brackets.
_BRACKETS = re.compile(r"\\.|[\[\]()]", re.S)
_TAG_OR_CLOSE = re.compile(r"<[A-Za-z/!?]|>")
# A line whose start could nest too deep: every level takes at least one character.
_DEEP_CANDIDATE = re.compile(rf"^[ \t>*+\-.)0-9]{{{MAX_NESTING + 1}}}", re.M)
_MARKUP = re.compile(r"[*_`\[<&\\]|  \n")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
# A line that Python-Markdown splits a paragraph at: a heading, a rule or a heading underline.
_SPLITTING_LINE = re.compile(r"^ {0,3}(?:#|[-*_=][-*_= \t]*$)")


def markdown_problems(text: str) -> list[str]:
    """Why a Markdown field would make the build slow or fail (Swedish), empty if it is fine."""
    out = [
        _nesting(text),
        _brackets(text),
        _tags(text),
        _emphasis(text),
        _block_lines(text),
        _inline_markup(text),
    ]
    return [problem for problem in out if problem]


def _line_number(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _nesting(text: str) -> str | None:
    if _DEEP_CANDIDATE.search(text) is None:
        return None
    for match in _LINE_PREFIX.finditer(text):
        indent, markers = match.group(1), match.group(2)
        columns = len(indent.expandtabs(4))
        depth = columns // 4 + len(_MARKER.findall(markers))
        if depth > MAX_NESTING:
            return (
                f"listor och citat (>) är nästlade {depth} nivåer djupt"
                f" (rad {_line_number(text, match.start())} i texten); högst {MAX_NESTING} nivåer"
            )
    return None


def _brackets(text: str) -> str | None:
    """Open '[' and link '](' at the same time, and link titles that never close."""
    if "[" not in text:
        return None
    open_brackets = 0
    parens: list[int] = []  # the start of each open '(': a link address's, or -1 for others
    open_links = 0
    open_titles = 0
    for match in _BRACKETS.finditer(text):
        char, pos = match.group(), match.start()
        if char == "[":
            open_brackets += 1
            if open_brackets > MAX_OPEN_BRACKETS:
                return (
                    f"fler än {MAX_OPEN_BRACKETS} hakparenteser '[' är öppna samtidigt utan ']'"
                    f" (rad {_line_number(text, pos)} i texten) – avsluta varje '[' med ']'"
                    " eller skriv '\\['"
                )
        elif char == "]":
            open_brackets = max(0, open_brackets - 1)
        elif char == "(":
            is_link = pos > 0 and text[pos - 1] == "]"
            parens.append(pos if is_link else -1)
            open_links += is_link
            if open_links > MAX_OPEN_LINKS:
                return (
                    f"fler än {MAX_OPEN_LINKS} länkadresser '](' är öppna samtidigt utan ')'"
                    f" (rad {_line_number(text, pos)} i texten) – avsluta varje länkadress med ')'"
                )
        elif char == ")" and parens:
            start = parens.pop()
            if start >= 0:
                open_links -= 1
                open_titles += _title_left_open(text[start + 1 : pos])
    last_quote = max(text.rfind('"'), text.rfind("'"))
    open_titles += sum(1 for start in parens if 0 <= start < last_quote)
    if open_titles > MAX_OPEN_TITLES:
        return (
            f"{open_titles} länkadresser har ett citattecken som inte avslutas före ')';"
            f" högst {MAX_OPEN_TITLES} – skriv länkens titel som \"titel\" direkt före ')'"
        )
    return None


def _title_left_open(address: str) -> bool:
    """True if Python-Markdown would read on past this ')' looking for the title's end.

    It stops at a ')' that follows (spaces aside) a quote character seen at least twice, i.e. a
    closed title like ``(url "titel")``; an address with no quote ends at its ')'.
    """
    if '"' not in address and "'" not in address:
        return False
    last = address.rstrip(" ")[-1:]
    return not (last in "\"'" and address.count(last) >= 2)


def _tags(text: str) -> str | None:
    """'<' that may start an HTML tag: each one is scanned up to the next '>'."""
    if "<" not in text:
        return None
    open_tags = 0
    for match in _TAG_OR_CLOSE.finditer(text):
        if match.group() == ">":
            open_tags = 0
            continue
        open_tags += 1
        if open_tags > MAX_OPEN_TAGS:
            return (
                f"fler än {MAX_OPEN_TAGS} '<' följda av en bokstav utan '>' emellan"
                f" (rad {_line_number(text, match.start())} i texten) – skriv ett mellanslag"
                " efter '<' om det inte är en HTML-tagg"
            )
    return None


def _emphasis(text: str) -> str | None:
    for marker in "*_":
        start = text.find(marker * (MAX_EMPHASIS_RUN + 1))
        if start >= 0:
            end = start
            while end < len(text) and text[end] == marker:
                end += 1
            return (
                f"{end - start} '{marker}' i rad (rad {_line_number(text, start)} i texten);"
                f" högst {MAX_EMPHASIS_RUN}"
            )
    return None


def _block_lines(text: str) -> str | None:
    """Headings and rules in one paragraph: each one re-reads the rest of the paragraph."""
    if text.count("\n") < MAX_BLOCK_LINES:
        return None
    run = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            run = 0
        elif _SPLITTING_LINE.match(line):
            run += 1
            if run > MAX_BLOCK_LINES:
                return (
                    f"fler än {MAX_BLOCK_LINES} rubriker eller linjer (#, ---, ===) i samma"
                    f" stycke (rad {number} i texten) – sätt en tom rad mellan dem"
                )
    return None


def _inline_markup(text: str) -> str | None:
    """Inline elements in one paragraph: Python-Markdown places each one among all the others."""
    if len(text) <= MAX_INLINE_MARKUP or len(_MARKUP.findall(text)) <= MAX_INLINE_MARKUP:
        return None
    start = 0
    for end in [m.start() for m in _BLANK_LINES.finditer(text)] + [len(text)]:
        if len(_MARKUP.findall(text, start, end)) > MAX_INLINE_MARKUP:
            return (
                f"fler än {MAX_INLINE_MARKUP} tecken för fetstil, kursiv, kod, länkar eller HTML"
                f" (* _ ` [ < & \\) i samma stycke (från rad {_line_number(text, start)} i"
                " texten) – dela upp texten i stycken med tomma rader"
            )
        start = end
    return None

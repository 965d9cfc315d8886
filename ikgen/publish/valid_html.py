"""Material's page markup made valid HTML (the Nu Html Checker finds no errors).

Material for MkDocs writes two things the HTML standard does not allow, in ``base.html`` and
``partials/toc.html`` (templates ikgen does not copy, so Material can be upgraded):

- its drawer and search toggles are checkboxes with ``autocomplete="off"`` (only text-like
  inputs may have it). The attribute stops Firefox from restoring a toggle's state when the
  visitor goes back. The same is kept valid by giving the toggles a form owner that says
  ``autocomplete="off"``: an empty, hidden form the toggles name with ``form=``.
- the table of contents' title is a ``<label for="__toc">``, but the ``__toc`` checkbox is
  written only on pages that are in the navigation. Where it is missing, the label points at
  nothing (clicking it did nothing before either): it loses its ``for``.

Each change is a plain string replacement of Material's exact markup, so a Material upgrade that
changes it leaves the page as Material wrote it, and the vnu test (``tests/test_html_valid.py``)
fails rather than anything breaking.
"""

from __future__ import annotations

TOGGLE_FORM = "__md-toggles"
"""The id of the empty form that owns Material's toggles."""

_TOGGLES = (
    (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">'
    ),
    (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
        'autocomplete="off">'
    ),
)
_TOC_CONTROL = 'id="__toc"'
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def _owned_toggle(tag: str) -> str:
    """A toggle's tag with its form owner instead of its own ``autocomplete``."""
    return tag.replace('autocomplete="off"', f'form="{TOGGLE_FORM}"')


def valid_page(html: str) -> str:
    """``html`` (a page Material wrote) with Material's invalid markup replaced."""
    found = [tag for tag in _TOGGLES if tag in html]
    for tag in found:
        html = html.replace(tag, _owned_toggle(tag), 1)
    if found:
        form = f'<form id="{TOGGLE_FORM}" autocomplete="off" hidden></form>'
        html = html.replace(_owned_toggle(found[0]), form + _owned_toggle(found[0]), 1)
    if _TOC_LABEL in html and _TOC_CONTROL not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html

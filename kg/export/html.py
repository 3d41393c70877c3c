"""The interactive HTML view under its first name: see :mod:`kg.export.view`.

>>> from kg.export.html import write_html, show
>>> write_html.__module__
'kg.export.view.page'
"""

from kg.export.view import (
    PREDICATE_COLORS,
    TYPE_COLORS,
    html_for_notebook,
    render_html,
    show,
    view_data,
    write_html,
)

__all__ = [
    "PREDICATE_COLORS",
    "TYPE_COLORS",
    "html_for_notebook",
    "render_html",
    "show",
    "view_data",
    "write_html",
]

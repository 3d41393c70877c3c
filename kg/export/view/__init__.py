"""The interactive HTML view: one self-contained page, vis-network inlined, no network access.

:mod:`kg.export.view.data` computes what the page shows (in Python, from the networkx graph);
:mod:`kg.export.view.page` puts it into ``static/page.html`` with ``static/view.css`` and
``static/view.js``. The page opens on the related entities laid out with labels on the most
central ones and their communities shaded; entities without a relation are listed by type
beside it; tables of entities and documents filter the drawing; a date range filters
entities, relations and evidence; "mentioned together" is an optional layer; the panel pages
through every sentence the graph keeps for an entity or relation.
"""

from kg.export.view.data import PREDICATE_COLORS, TYPE_COLORS, view_data
from kg.export.view.page import html_for_notebook, render_html, show, write_html

__all__ = [
    "PREDICATE_COLORS",
    "TYPE_COLORS",
    "html_for_notebook",
    "render_html",
    "show",
    "view_data",
    "write_html",
]

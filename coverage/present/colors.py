"""One colour scheme for statuses and kinds of change, shared by charts, legends and HTML.

Okabe-Ito colours, chosen to stay distinguishable for the common forms of colour
blindness; "same" is a quiet grey so that differences stand out.
"""

from __future__ import annotations

__all__ = ["STATUS_COLORS", "KIND_COLORS", "MOVED_COLOR"]

STATUS_COLORS: dict[str, str] = {
    "same": "#BBBBBB",
    "reworded": "#E69F00",
    "merged": "#56B4E9",
    "split": "#0072B2",
    "added": "#009E73",
    "dropped": "#D55E00",
}
MOVED_COLOR = "#CC79A7"

KIND_COLORS: dict[str, str] = {
    "name_variant": "#0072B2",
    "name_form": "#6BAED6",
    "spelling": "#56B4E9",
    "label": "#CC79A7",
    "honorific": "#E7A6CF",
    "attribution": "#E69F00",
    "dateline": "#F3C969",
    "number": "#F0E442",
    "format": "#9ECAE1",
    "typo": "#8C6D31",
    "grammar": "#D9D9D9",
    "added_detail": "#009E73",
    "dropped_detail": "#D55E00",
    "rewritten": "#737373",
    "word_choice": "#BDBDBD",
    "other": "#999999",
}

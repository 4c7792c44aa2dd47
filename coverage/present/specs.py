"""Plain values -> Vega-Lite dicts, written as Altair's ``to_dict()`` writes them.

The report draws the same few chart shapes over and over (a map per pair of versions);
building each as Altair objects and turning them back into a dict was most of the time
a report took to place its charts. Builders named ``*_spec`` make that dict directly
from the data; each has an Altair twin (the public chart function) and the tests check
that the two give equal dicts, valid against the Vega-Lite schema. These helpers give the
pieces Altair adds on the way: inline data moved to named top-level ``datasets``, the
``$schema`` and the active theme's ``config``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .altair_import import alt

__all__ = ["dataset", "field", "top_level"]


def dataset(values: list, datasets: dict[str, list]) -> dict[str, str]:
    """A layer's ``data``: ``values`` stored in ``datasets`` under the name Altair gives them
    (a hash of their JSON), so equal values are stored once."""
    if values == [{}]:
        name = "empty"
    else:
        text = json.dumps(values, sort_keys=True, default=str)
        name = "data-" + hashlib.sha256(text.encode()).hexdigest()[:32]
    datasets[name] = values
    return {"name": name}


def field(shorthand: str, **options: Any) -> dict[str, Any]:
    """An encoding channel from ``"name:T"`` (``T`` one of N, O, Q, T) and its options.

    >>> field("score:Q", title="similarity")
    {'field': 'score', 'type': 'quantitative', 'title': 'similarity'}
    """
    name, code = shorthand.rsplit(":", 1)
    kind = {"N": "nominal", "O": "ordinal", "Q": "quantitative", "T": "temporal"}[code]
    return {"field": name, "type": kind, **options}


def top_level(spec: dict[str, Any], datasets: dict[str, list]) -> dict[str, Any]:
    """``spec`` as a whole chart: its ``$schema``, the active theme's config under it, and
    the named datasets its layers refer to (what Altair adds at the top of ``to_dict``)."""
    spec = {**spec, "$schema": alt.SCHEMA_URL}
    theme = alt.theme.get()
    if theme is not None:
        spec = alt.utils.update_nested(theme(), spec, copy=True)
    if datasets:
        spec.setdefault("datasets", {}).update(datasets)
    return spec

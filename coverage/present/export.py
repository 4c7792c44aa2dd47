"""Charts offline: the inlined Vega bundle, a notebook renderer, and notebook -> offline HTML.

Altair's default renderer fetches Vega from a CDN, so charts vanish without internet.
Here the JavaScript comes from ``vl-convert-python``, which ships Vega, Vega-Lite and
vega-embed in one bundle: :func:`vega_bundle` gives it (computed once per process),
:func:`use_offline_charts` makes notebook charts render with no network, and
:func:`export_notebook` writes a notebook as one HTML file whose charts render offline.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

from ..errors import InputNotFound, NotText, UnsupportedFormat, missing_dependency
from .page import content_security_policy, data_block, json_for_script

__all__ = ["vega_bundle", "use_offline_charts", "notebook_html", "export_notebook"]

RENDERER = "comparative_coverage"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_TEMPLATE = "offline_notebook.html.j2"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_SPEC_MIMETYPE = "application/vnd.vegalite.v{major}+json"
_LOAD = re.compile(r'maybeLoadScript\("(vega|vega-lite|vega-embed)", "([^"]+)"\)')
_ALTAIR_SPEC = re.compile(r"\}\)\(\{")  # Altair's HTML output ends "})(SPEC, OPTIONS);"
# Draws each chart of an exported notebook from its inert JSON block (see notebook_html).
_EMBED = """(function () {
  "use strict";
  document.querySelectorAll("script.cc-nb-spec").forEach(function (block) {
    var target = document.getElementById(block.id.replace(/-spec$/, ""));
    if (!target) { return; }
    if (typeof vegaEmbed !== "function") {
      target.textContent = "This chart could not be drawn: the Vega script did not load.";
      return;
    }
    vegaEmbed(target, JSON.parse(block.textContent), {renderer: "svg", actions: false})
      .catch(function (error) {
        target.textContent = "This chart could not be drawn: " + error;
        console.error(error);
      });
  });
})();"""


def _vl_version() -> str | None:
    """Vega-Lite ``major.minor`` Altair writes specs for, if vl-convert has that version."""
    import altair as alt
    import vl_convert as vlc

    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return version if version in vlc.get_vegalite_versions() else None


@cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script that sets ``window.vegaEmbed``.

    About 900 KB; vl-convert takes about a second to build it, so it is built once per
    process. Include it once per page: it declares top-level constants.
    """
    try:
        import vl_convert as vlc
    except ImportError as error:  # pragma: no cover - a declared dependency
        raise missing_dependency("vl-convert-python", "draw charts offline") from error
    version = _vl_version()
    bundle = vlc.javascript_bundle(vl_version=version) if version else vlc.javascript_bundle()
    # It never should, but a "</script" inside would end the inline script early.
    return re.sub(r"</(script)", r"<\\/\1", bundle, flags=re.IGNORECASE)


def _offline_renderer(spec: dict, **metadata) -> dict:
    """A chart as a live offline widget, plus its spec and an HTML fallback for exports."""
    import altair as alt
    from altair.vegalite.v6.display import html_renderer

    widget = metadata.pop("widget", True)
    bundle = dict(html_renderer(spec, **metadata))
    # Altair writes the spec with json.dumps, which leaves "</script>" in text as it is
    plain = json.dumps(spec)
    if plain in bundle.get("text/html", ""):
        bundle["text/html"] = bundle["text/html"].replace(plain, json_for_script(spec))
    major = alt.SCHEMA_VERSION.lstrip("v").split(".")[0]
    bundle[_SPEC_MIMETYPE.format(major=major)] = spec
    if widget:
        alt.JupyterChart.enable_offline(offline=True)
        chart = alt.JupyterChart(
            alt.Chart.from_dict(spec),  # validating picks the chart class
            embed_options=metadata.get("embed_options"),
        )
        view = chart._repr_mimebundle_()
        view = view[0] if isinstance(view, tuple) else view
        bundle.update({k: v for k, v in view.items() if k == _WIDGET_VIEW})
    return bundle


def use_offline_charts(*, widget: bool = True) -> str:
    """Make Altair charts in this kernel render with no network; returns the renderer name.

    Each chart's output then holds three things: an interactive widget that JupyterLab
    draws with the bundled JavaScript (no CDN; needs anywidget), the Vega-Lite spec
    itself (``application/vnd.vegalite.v6+json``, for tests and tools), and Altair's HTML
    output, which :func:`export_notebook` makes render offline. ``widget=False`` leaves
    the widget out (no kernel round trip; JupyterLab then shows the HTML output, which
    needs the network unless the page was exported by :func:`export_notebook`).
    """
    import altair as alt

    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, _offline_renderer)
    alt.renderers.enable(RENDERER, widget=widget)
    return RENDERER


def _versions(nb) -> dict[str, str]:
    """The Vega library versions Altair's HTML outputs in ``nb`` ask for (most common)."""
    import altair as alt

    found: dict[str, Counter] = {"vega": Counter(), "vega-lite": Counter(), "vega-embed": Counter()}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            for lib, version in _LOAD.findall(html):
                found[lib][version] += 1
    default = {"vega": alt.VEGA_VERSION, "vega-lite": alt.VEGALITE_VERSION}
    default["vega-embed"] = alt.VEGAEMBED_VERSION
    return {
        f"{lib.replace('-', '')}_version": (counts.most_common(1)[0][0] if counts else default[lib])
        for lib, counts in found.items()
    }


def notebook_html(notebook: str | Path | object) -> str:
    """A notebook (path or ``nbformat`` node) as one HTML page whose charts render offline.

    No script comes from another host: require.js, MathJax, Mermaid and the widget
    manager are left out (LaTeX shows as source, widgets as their text fallback), and
    the Vega bundle is inlined once.
    """
    try:
        from nbconvert import HTMLExporter
    except ImportError as error:  # pragma: no cover - declared dependencies
        raise missing_dependency("nbconvert", "export notebooks") from error
    nb = _read_notebook(notebook) if isinstance(notebook, str | Path) else copy.deepcopy(notebook)
    _inert_charts(nb)
    nb.metadata.pop("widgets", None)
    exporter = HTMLExporter(
        template_name="lab",
        template_file=_TEMPLATE,
        extra_template_paths=[str(RESOURCES)],
    )
    resources = {
        "vega_bundle": vega_bundle(),
        "vega_debug": json.dumps(_versions(nb), sort_keys=True),
        "embed_charts": _EMBED,
    }
    scripts = (
        resources["vega_bundle"],
        f"var VEGA_DEBUG = {resources['vega_debug']};",
        _EMBED,
    )
    # only the page's own three scripts run; any other inline script in an output is inert
    resources["policy"] = content_security_policy(scripts, unsafe_eval=True, data_fonts=True)
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def _read_notebook(notebook: str | Path):
    """A notebook file as an ``nbformat`` node, or a one-line error that says why not."""
    import nbformat

    path = Path(notebook)
    if not path.exists():
        raise InputNotFound(f"{path} does not exist; pass the path of an .ipynb file")
    if path.suffix.lower() != ".ipynb":
        raise UnsupportedFormat(f"{path} is not a notebook; pass an .ipynb file")
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)  # a JSON list or a bad schema fails here, not in a loop
    except (ValueError, AttributeError, TypeError, KeyError, nbformat.ValidationError) as error:
        why = " ".join(str(error).split())[:200]
        raise NotText(f"{path} is not a readable notebook ({why}); pass an .ipynb file") from None
    except OSError as error:
        raise NotText(
            f"{path} could not be read ({error.strerror or error}); pass an .ipynb file"
        ) from None
    return nb


def _inert_charts(nb) -> None:
    """Each chart output becomes an empty div plus its spec as inert JSON (drawn by _EMBED);
    widget views, which need a live kernel, give way to their HTML fallback."""
    charts = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if _WIDGET_VIEW in data and "text/html" in data:
                del data[_WIDGET_VIEW]
            spec = _chart_spec(data)
            if spec is not None:
                chart_id = f"cc-nb-chart-{charts}"
                block = data_block(f"{chart_id}-spec", spec)
                data["text/html"] = f'<div class="cc-nb-chart" id="{chart_id}"></div>' + (
                    block.replace("<script ", '<script class="cc-nb-spec" ', 1)
                )
                charts += 1


def _chart_spec(data: dict) -> dict | None:
    """The Vega-Lite spec of a chart output: its own mimetype, or inside Altair's HTML."""
    for key, value in data.items():
        if key.startswith("application/vnd.vegalite.") and isinstance(value, dict):
            return value
    html = data.get("text/html", "")
    html = "".join(html) if isinstance(html, list) else html
    if "vegaEmbed" not in html:
        return None
    found = list(_ALTAIR_SPEC.finditer(html))
    if not found:
        return None
    try:
        spec, _ = json.JSONDecoder().raw_decode(html, found[-1].end() - 1)
    except ValueError:
        return None
    return spec if isinstance(spec, dict) and "$schema" in spec else None


def export_notebook(notebook: str | Path, output: str | Path) -> Path:
    """Write :func:`notebook_html` of ``notebook`` to ``output``; returns the path written."""
    output = Path(output)
    html = notebook_html(notebook)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return output

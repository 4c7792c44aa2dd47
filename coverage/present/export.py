"""Charts offline: the inlined Vega bundle, a notebook renderer, and notebook -> offline HTML.

Altair's default renderer fetches Vega from a CDN, so charts vanish without internet.
Here the JavaScript comes from ``vl-convert-python``, which ships Vega, Vega-Lite and
vega-embed in one bundle: :func:`vega_bundle` gives it (built once per vl-convert version
and kept on disk), :func:`use_offline_charts` makes notebook charts render with no network, and
:func:`export_notebook` writes a notebook as one HTML file whose charts render offline.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import re
import sys
import tempfile
import warnings
from collections import Counter
from functools import cache
from pathlib import Path

from markupsafe import Markup

from ..errors import InputNotFound, NotText, UnsupportedFormat, missing_dependency
from .page import content_security_policy, json_for_script
from .render import render

__all__ = [
    "cache_dir",
    "vega_bundle",
    "use_offline_charts",
    "notebook_html",
    "export_notebook",
    "NoOutputsWarning",
]

RENDERER = "comparative_coverage"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_TEMPLATE = "offline_notebook.html.j2"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_SPEC_MIMETYPE = "application/vnd.vegalite.v{major}+json"
_CACHE_NAME = "comparative-coverage"
_BUNDLE_END = "\n/* end of the vega bundle */\n"  # marks a cache file written in full
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
    import vl_convert as vlc

    from .altair_import import alt

    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return version if version in vlc.get_vegalite_versions() else None


def cache_dir() -> Path:
    """Where this package keeps files it can rebuild: ``$XDG_CACHE_HOME`` or the OS's place.

    ``~/.cache/comparative-coverage`` on Linux, ``~/Library/Caches/comparative-coverage``
    on macOS, ``%LOCALAPPDATA%\\comparative-coverage\\Cache`` on Windows (the places
    platformdirs picks).
    """
    if os.environ.get("XDG_CACHE_HOME"):
        base = Path(os.environ["XDG_CACHE_HOME"])
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / _CACHE_NAME / "Cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path.home() / ".cache"
    return base / _CACHE_NAME


def _bundle_key() -> str:
    """The cache file's name: the vl-convert build and the Vega-Lite version Altair uses.

    vl-convert's version alone would miss a reinstall with other contents (a
    post-release), so the size and time of its compiled module are in the key too.
    """
    import vl_convert as vlc

    from .altair_import import alt

    version = getattr(vlc, "__version__", "unknown")
    compiled = sys.modules.get("vl_convert.vl_convert")
    built = Path(getattr(compiled, "__file__", None) or vlc.__file__).stat()
    raw = f"{version}|{built.st_size}|{built.st_mtime_ns}|{alt.SCHEMA_VERSION}"
    return f"vega-bundle-{version}-{hashlib.sha256(raw.encode()).hexdigest()[:16]}.js"


def _build_bundle() -> str:
    try:
        import vl_convert as vlc
    except ImportError as error:  # pragma: no cover - a declared dependency
        raise missing_dependency("vl-convert-python", "draw charts offline") from error
    version = _vl_version()
    bundle = vlc.javascript_bundle(vl_version=version) if version else vlc.javascript_bundle()
    # It never should, but a "</script" inside would end the inline script early.
    return re.sub(r"</(script)", r"<\\/\1", bundle, flags=re.IGNORECASE)


def _read_cached(path: Path) -> str | None:
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.endswith(_BUNDLE_END):  # not written in full: build it again
        return None
    return text[: -len(_BUNDLE_END)]


def _write_cached(path: Path, bundle: str) -> None:
    """Write atomically (another process may be reading it); give up quietly if we cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".js")
    except OSError:
        return  # not writable (a read-only home, a sandbox): built once per process instead
    try:
        with os.fdopen(handle, "wb") as file:
            file.write((bundle + _BUNDLE_END).encode("utf-8"))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


@cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script that sets ``window.vegaEmbed``.

    About 900 KB. vl-convert takes over a second to build it, and it is the same for a
    given vl-convert and Altair, so it is kept on disk in :func:`cache_dir` (one file per
    version) and in memory for the process; where the cache cannot be written it is built
    once per process. Include it once per page: it declares top-level constants.
    """
    path = cache_dir() / _bundle_key()
    cached = _read_cached(path)
    if cached is not None:
        return cached
    bundle = _build_bundle()
    _write_cached(path, bundle)
    return bundle


# The widget's embedding line in Altair's script, and what follows it here: in JupyterLab's
# dark theme, Vega's dark theme unless the chart asked for one (JupyterLab's own Vega
# renderer does the same; Altair's widget does not, so its charts were a white box).
_WIDGET_EMBED = 'let embedOptions=structuredClone(model.get("embed_options"))??undefined;'
_DARK_IN_JUPYTERLAB = (
    'if(document.body.dataset.jpThemeLight==="false"&&!(embedOptions&&embedOptions.theme))'
    '{embedOptions={...(embedOptions??{}),theme:"dark"};}'
)


def offline_widget_charts() -> None:
    """Make Altair's chart widget (``alt.JupyterChart``) load Vega from vl-convert's bundle
    (no CDN) and follow JupyterLab's dark theme. Raises ImportError without vl-convert."""
    from .altair_import import alt

    alt.JupyterChart.enable_offline(offline=True)
    script = alt.JupyterChart._esm
    if script is not _THEMED[0]:  # once: every chart shown asks (a script of 900 kB)
        # another Altair may word the line otherwise: its charts then stay light
        _THEMED[0] = script.replace(_WIDGET_EMBED, _WIDGET_EMBED + _DARK_IN_JUPYTERLAB, 1)
        alt.JupyterChart._esm = _THEMED[0]


_THEMED: list[str | None] = [None]  # the widget script as this module left it


def _offline_renderer(spec: dict, **metadata) -> dict:
    """A chart as a live offline widget, plus its spec and an HTML fallback for exports."""
    from altair.vegalite.v6.display import html_renderer

    from .altair_import import alt

    widget = metadata.pop("widget", True)
    bundle = dict(html_renderer(spec, **metadata))
    # Altair writes the spec with json.dumps, which leaves "</script>" in text as it is
    plain = json.dumps(spec)
    if plain in bundle.get("text/html", ""):
        bundle["text/html"] = bundle["text/html"].replace(plain, json_for_script(spec))
    major = alt.SCHEMA_VERSION.lstrip("v").split(".")[0]
    bundle[_SPEC_MIMETYPE.format(major=major)] = spec
    if widget:
        offline_widget_charts()
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
    from .altair_import import alt

    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, _offline_renderer)
    alt.renderers.enable(RENDERER, widget=widget)
    if widget:  # now, not at the first chart: widgets made before it (the explorer's) too
        offline_widget_charts()
    return RENDERER


def _versions(nb) -> dict[str, str]:
    """The Vega library versions Altair's HTML outputs in ``nb`` ask for (most common)."""
    from .altair_import import alt

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


class NoOutputsWarning(UserWarning):
    """A notebook exported without outputs: only its code will show."""


def _has_outputs(nb) -> bool:
    return any(cell.get("outputs") for cell in nb.cells if cell.get("cell_type") == "code")


def _execute(nb, folder: Path | None, timeout: int) -> None:
    """Run every cell in a fresh kernel, in the notebook's folder, so its outputs export."""
    try:
        from nbclient import NotebookClient
    except ImportError as error:  # pragma: no cover - nbconvert depends on nbclient
        raise missing_dependency("nbclient", "run notebooks before exporting them") from error
    resources = {"metadata": {"path": str(folder)}} if folder else {}
    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources=resources).execute()


def _static_widgets(nb) -> None:
    """Widgets need a live kernel: keep their HTML fallback, or say what was there."""
    from .render import render

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if _WIDGET_VIEW not in data:
                continue
            del data[_WIDGET_VIEW]
            if "text/html" not in data:
                data["text/html"] = str(render("widget_note.html.j2"))
                data.pop("text/plain", None)


def notebook_html(
    notebook: str | Path | object, *, execute: bool = False, timeout: int = 600
) -> str:
    """A notebook (path or ``nbformat`` node) as one HTML page whose charts render offline.

    No script comes from another host: require.js, MathJax, Mermaid and the widget
    manager are left out (LaTeX shows as source; widgets as their static HTML copy, or a
    note), and the Vega bundle is inlined once. ``execute`` runs the notebook first (in
    its folder, in a fresh kernel); a notebook with no outputs is exported with a
    :class:`NoOutputsWarning`, since only its code will show.
    """
    try:
        from nbconvert import HTMLExporter
    except ImportError as error:  # pragma: no cover - declared dependencies
        raise missing_dependency("nbconvert", "export notebooks") from error
    nb = _read_notebook(notebook) if isinstance(notebook, str | Path) else copy.deepcopy(notebook)
    folder = Path(notebook).resolve().parent if isinstance(notebook, str | Path) else None
    if execute:
        _execute(nb, folder, timeout)
    elif not _has_outputs(nb):
        name = notebook if isinstance(notebook, str | Path) else "the notebook"
        warnings.warn(
            f"{name} has no outputs, so only its code will show; run it first "
            "(compare-coverage export --execute)",
            NoOutputsWarning,
            stacklevel=2,
        )
    _static_widgets(nb)
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
                data["text/html"] = str(
                    render(
                        "notebook_chart.html.j2",
                        chart_id=chart_id,
                        spec=Markup(json_for_script(spec)),
                    )
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


def export_notebook(
    notebook: str | Path, output: str | Path, *, execute: bool = False, timeout: int = 600
) -> Path:
    """Write :func:`notebook_html` of ``notebook`` to ``output``; returns the path written."""
    output = Path(output)
    html = notebook_html(notebook, execute=execute, timeout=timeout)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return output

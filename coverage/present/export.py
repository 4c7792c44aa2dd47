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
from collections import Counter
from functools import cache
from pathlib import Path

from ..errors import InputNotFound, NotText, UnsupportedFormat, missing_dependency

__all__ = ["cache_dir", "vega_bundle", "use_offline_charts", "notebook_html", "export_notebook"]

RENDERER = "comparative_coverage"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_TEMPLATE = "offline_notebook.html.j2"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_SPEC_MIMETYPE = "application/vnd.vegalite.v{major}+json"
_CACHE_NAME = "comparative-coverage"
_BUNDLE_END = "\n/* end of the vega bundle */\n"  # marks a cache file written in full
_LOAD = re.compile(r'maybeLoadScript\("(vega|vega-lite|vega-embed)", "([^"]+)"\)')


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


def _offline_renderer(spec: dict, **metadata) -> dict:
    """A chart as a live offline widget, plus its spec and an HTML fallback for exports."""
    from altair.vegalite.v6.display import html_renderer

    from .altair_import import alt

    widget = metadata.pop("widget", True)
    bundle = dict(html_renderer(spec, **metadata))
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
    from .altair_import import alt

    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, _offline_renderer)
    alt.renderers.enable(RENDERER, widget=widget)
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


def notebook_html(notebook: str | Path | object) -> str:
    """A notebook (path or ``nbformat`` node) as one HTML page whose charts render offline.

    No script comes from another host: require.js, MathJax, Mermaid and the widget
    manager are left out (LaTeX shows as source, widgets as their text fallback), and
    the Vega bundle is inlined once.
    """
    try:
        import nbformat
        from nbconvert import HTMLExporter
    except ImportError as error:  # pragma: no cover - declared dependencies
        raise missing_dependency("nbconvert", "export notebooks") from error
    if isinstance(notebook, str | Path):
        path = Path(notebook)
        if not path.exists():
            raise InputNotFound(f"{path} does not exist; pass the path of an .ipynb file")
        if path.suffix.lower() != ".ipynb":
            raise UnsupportedFormat(f"{path} is not a notebook; pass an .ipynb file")
        try:
            nb = nbformat.read(path, as_version=4)
        except (ValueError, UnicodeDecodeError) as error:
            raise NotText(
                f"{path} is not a readable notebook ({error}); pass an .ipynb file"
            ) from None
    else:
        nb = copy.deepcopy(notebook)
    for cell in nb.cells:  # a widget needs a live kernel; its HTML fallback does not
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if _WIDGET_VIEW in data and "text/html" in data:
                del data[_WIDGET_VIEW]
    nb.metadata.pop("widgets", None)
    exporter = HTMLExporter(
        template_name="lab",
        template_file=_TEMPLATE,
        extra_template_paths=[str(RESOURCES)],
    )
    resources = {
        "vega_bundle": vega_bundle(),
        "vega_debug": json.dumps(_versions(nb), sort_keys=True),
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def export_notebook(notebook: str | Path, output: str | Path) -> Path:
    """Write :func:`notebook_html` of ``notebook`` to ``output``; returns the path written."""
    output = Path(output)
    html = notebook_html(notebook)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return output

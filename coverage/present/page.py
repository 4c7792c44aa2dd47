"""A title and an HTML body -> one standalone page: doctype, metadata, policy and styles.

The page shell of the report and of the worksheets, written once (``page.html.j2``).
Its Content-Security-Policy allows no script unless the caller passes its scripts,
which are inlined and allowed by hash only, so nothing in an article's text can run even
if it escaped escaping. Styles are the report's stylesheet (``resources/report.css``)
and the views' (``resources/view.css``); nothing is loaded from another host, and the
same arguments give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from html import escape

from markupsafe import Markup

from .render import STYLE, render, resource

__all__ = [
    "page_html",
    "script_hash",
    "content_security_policy",
    "json_for_script",
    "data_block",
    "script_safe",
    "script_safe_frame",
]

# What must not appear raw inside a <script> element's text: "<" (which starts "</script"
# and "<!--", the double-escape state), ">" and "&" for good measure, and U+2028/U+2029,
# which end a line in older JavaScript string literals.
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_SCRIPT_BREAK = re.compile(r"<(?=/|!--)")
WORD_JOINER = "\u2060"


@lru_cache(maxsize=16)  # the same 0.9 MB Vega bundle is hashed for every report page
def _sha256(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def json_for_script(value: object) -> str:
    """JSON that can sit inside any ``<script>`` element: it cannot end it or open markup.

    The one way data goes into the toolkit's pages (report specs, exported notebooks);
    the same value parses back with ``JSON.parse`` or as a JavaScript literal.

    >>> json_for_script({"t": "</script><!--\u2028"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def data_block(element_id: str, value: object) -> str:
    """A ``<script type="application/json">`` block holding ``value``; read it with
    ``JSON.parse(document.getElementById(id).textContent)``. It never runs."""
    return (
        f'<script type="application/json" id="{escape(element_id, quote=True)}">'
        f"{json_for_script(value)}</script>"
    )


def script_safe(text: str) -> str:
    """Text for a chart that cannot close a script element wherever Altair embeds it.

    Altair's own HTML output (its default renderer, exported notebooks) writes the spec
    into a ``<script>`` with ``json.dumps``, which leaves ``</script>`` as it is. An
    invisible word joiner after ``<`` in ``</`` and ``<!--`` keeps the text looking the
    same and makes it inert.

    >>> script_safe("a </script> b <!-- c") == "a <\u2060/script> b <\u2060!-- c"
    True
    """
    return _SCRIPT_BREAK.sub("<" + WORD_JOINER, text) if "<" in text else text


def script_safe_frame(frame):
    """A copy of a DataFrame with :func:`script_safe` applied to every text cell."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype.kind not in "biufcmM":  # object and string columns
            frame[column] = frame[column].map(lambda v: script_safe(v) if isinstance(v, str) else v)
    return frame


def content_security_policy(
    scripts: Sequence[str] = (),
    *,
    unsafe_eval: bool = False,
    data_fonts: bool = False,
    self_scripts: bool = False,
) -> str:
    """The policy of every page the toolkit writes: only these inline scripts, by hash.

    Nothing may load from anywhere (``default-src 'none'``); styles are inline, images
    and fonts ``data:`` URLs. With no scripts, no script runs at all.

    >>> content_security_policy()
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    """
    allowed = " ".join(
        ["'self'"] * self_scripts + [f"'{_sha256(s)}'" for s in dict.fromkeys(scripts)]
    )
    if unsafe_eval:
        allowed += " 'unsafe-eval'"
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {allowed}" if scripts or self_scripts else "script-src 'none'",
            "style-src 'unsafe-inline'",
            "img-src data:",
            *(["font-src data:"] if data_fonts else []),
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


script_hash = _sha256


def page_html(
    title: str,
    body: str,
    *,
    page_class: str = "cc-page",
    head: str = "",
    foot: str = "",
    scripts: Sequence[str] = (),
    script_files: Sequence[str] = (),
    unsafe_eval: bool = False,
    data_fonts: bool = False,
    generator: str | None = None,
) -> str:
    """A whole HTML page: ``body`` (markup, already escaped) inside ``<div class=page_class>``.

    ``head`` is markup added after the styles (more ``<style>``), ``foot`` markup after
    the page's ``div`` (a ``<noscript>``, a JSON data block). ``scripts`` are inlined
    last, each allowed by its hash; with none, the policy says ``script-src 'none'``.
    ``script_files`` are relative URLs of scripts beside the page (a site's shared Vega
    bundle), allowed as ``'self'``. ``unsafe_eval`` lets those scripts compile code (Vega
    does, with ``Function()``), ``data_fonts`` allows ``data:`` fonts, and ``generator``
    fills the generator meta tag.

    >>> page = page_html("<Title>", "<p>Hi</p>")
    >>> "<title>&lt;Title&gt;</title>" in page, "<script" in page
    (True, False)
    >>> page[page.index("<body>") :]
    '<body><div class="cc-page"><p>Hi</p></div></body></html>\\n'
    """
    policy = content_security_policy(
        scripts, unsafe_eval=unsafe_eval, data_fonts=data_fonts, self_scripts=bool(script_files)
    )
    html = render(
        "page.html.j2",
        # escaped as html.escape does (&#x27;), as the page always wrote its policy
        policy=Markup(escape(policy, quote=True)),
        generator=generator,
        title=title,
        style=render("style.html.j2", css=resource("report.css")),
        view_style=STYLE,
        head=Markup(head),
        page_class=page_class,
        body=Markup(body),
        foot=Markup(foot),
        scripts=scripts,
        script_files=script_files,
    )
    return str(html) + "\n"

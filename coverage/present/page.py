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
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from .render import STYLE, render, resource

__all__ = ["page_html", "script_hash"]


def _sha256(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


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
    allowed = " ".join(["'self'"] * bool(script_files) + [f"'{_sha256(s)}'" for s in scripts])
    if unsafe_eval:
        allowed += " 'unsafe-eval'"
    policy = "; ".join(
        [
            "default-src 'none'",
            f"script-src {allowed}" if scripts or script_files else "script-src 'none'",
            "style-src 'unsafe-inline'",
            "img-src data:",
            *(["font-src data:"] if data_fonts else []),
            "base-uri 'none'",
            "form-action 'none'",
        ]
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

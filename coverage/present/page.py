"""A title and an HTML body -> one standalone page: doctype, metadata, policy and styles.

The page shell of the report and of the worksheets, written once. Its
Content-Security-Policy allows no script unless the caller passes its scripts, which are
inlined and allowed by hash only, so nothing in an article's text can run even if it
escaped escaping. Styles are the report's stylesheet (``resources/report.css``) and the
side-by-side views' :data:`render.STYLE`; nothing is loaded from another host, and the
same arguments give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from html import escape
from pathlib import Path

from .render import STYLE

__all__ = ["page_html"]


@cache
def _css() -> str:
    return (Path(__file__).resolve().parent.parent / "resources" / "report.css").read_text("utf-8")


def _sha256(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def page_html(
    title: str,
    body: str,
    *,
    page_class: str = "cc-page",
    head: str = "",
    foot: str = "",
    scripts: Sequence[str] = (),
    unsafe_eval: bool = False,
    data_fonts: bool = False,
    generator: str | None = None,
) -> str:
    """A whole HTML page: ``body`` (markup, already escaped) inside ``<div class=page_class>``.

    ``head`` is markup added after the styles (more ``<style>``), ``foot`` markup after
    the page's ``div`` (a ``<noscript>``, a JSON data block). ``scripts`` are inlined
    last, each allowed by its hash; with none, the policy says ``script-src 'none'``.
    ``unsafe_eval`` lets those scripts compile code (Vega does, with ``Function()``),
    ``data_fonts`` allows ``data:`` fonts, and ``generator`` fills the generator meta tag.

    >>> page = page_html("<Title>", "<p>Hi</p>")
    >>> "<title>&lt;Title&gt;</title>" in page, "<script" in page
    (True, False)
    >>> page[page.index("<body>") :]
    '<body><div class="cc-page"><p>Hi</p></div></body></html>\\n'
    """
    allowed = " ".join(f"'{_sha256(s)}'" for s in scripts)
    if unsafe_eval:
        allowed += " 'unsafe-eval'"
    policy = "; ".join(
        [
            "default-src 'none'",
            f"script-src {allowed}" if scripts else "script-src 'none'",
            "style-src 'unsafe-inline'",
            "img-src data:",
            *(["font-src data:"] if data_fonts else []),
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    meta = f'<meta name="generator" content="{escape(generator)}">' if generator else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=True)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{meta}<title>{escape(title)}</title><style>{_css()}</style>{STYLE}{head}</head>\n"
        f'<body><div class="{escape(page_class, quote=True)}">{body}</div>{foot}'
        + "".join(f"<script>{s}</script>" for s in scripts)
        + "</body></html>\n"
    )

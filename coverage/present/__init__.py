"""Presentation: records -> tables, charts, HTML views, the report, the explorer, text.

Nothing below this subpackage imports it at import time; ``_repr_html_`` and
``to_frame`` methods delegate here lazily (the contract's declared exceptions).
"""

"""Reading: paths, bytes, pages, HTML and tables -> ``Article`` records with sentences.

Modules: ``files`` (finding and decoding inputs, tables), ``metadata`` (outlets, dates and
URLs from sources files, the page or the path), ``pages`` (a page split into stories),
``story`` (one story's title, dek, captions, body and skipped lines), ``lines`` (lines and
their shapes, paragraphs), ``furniture`` (what a line is by its own shape), ``segment``
(sentences) and ``articles`` (the one input coercer, ``as_articles``).
"""

"""Reading: paths, bytes, pages, HTML and tables -> ``Article`` records with sentences.

Modules: ``files`` (finding and decoding inputs, tables), ``pages`` (page furniture,
titles, datelines), ``segment`` (paragraphs and sentences).
"""

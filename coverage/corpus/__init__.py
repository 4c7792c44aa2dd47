"""Corpus: many articles -> stories, related coverage and N-way comparisons.

Modules: ``stories`` (MinHash fingerprints confirmed by alignment), ``related``
(looser topical links), ``comparison`` (the N-way table of one story).
"""

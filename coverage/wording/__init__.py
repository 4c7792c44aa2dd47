"""Wording: what kind of change each edit is, labels, quotes, attributions, lexicon.

Modules: ``kinds``, ``labels``, ``lexicon``, ``spelling``, ``speakers``, ``quotes``,
``attributions``.
"""

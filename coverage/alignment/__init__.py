"""Alignment: two versions -> an ``Alignment`` of sentence units with word edits.

Modules: ``similarity`` (sentence keys and scores), ``aligner`` (pairing, merges,
splits, moves), ``splits`` (stem containment for the pieces of a split),
``worddiff`` (word edits inside aligned sentences).
"""

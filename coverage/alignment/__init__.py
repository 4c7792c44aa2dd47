"""Alignment: two versions -> an ``Alignment`` of sentence units with word edits.

Modules: ``similarity`` (sentence keys and scores), ``aligner`` (pairing, merges,
splits, moves), ``worddiff`` (word edits inside aligned sentences).
"""

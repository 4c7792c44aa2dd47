"""Alignment: two versions -> an ``Alignment`` of sentence units with word edits.

Modules: ``similarity`` (sentence keys and scores), ``candidates`` (the index that
proposes the pairs worth scoring), ``aligner`` (``align``: the steps in
order; ``pair_sentences``: the steps up to merges and splits, completed later, for the
spine search that reads only which sentences pair), ``pair`` (one version pair as the steps see it), ``pairing`` (the core's pairs
and moves), ``joins`` (leads, gaps, merges and splits), ``splits`` (stem containment
for the pieces of a split), ``worddiff`` (word edits inside aligned sentences).
"""

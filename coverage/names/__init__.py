"""Names: who is named in a story, and how each outlet spells them.

Modules: ``spans`` (finding name spans), ``mentions`` (name mentions in articles),
``pairs`` (when two spellings are the same name), ``groups`` (clusters of variants).
"""

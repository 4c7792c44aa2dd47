"""Classroom: a story -> exercises with keyed answers, worksheets and quizzes.

Modules: ``text`` (evidence and wording helpers), ``facts`` (what a story supports),
``builders`` (one builder per kind of exercise), ``exercises`` (``make_exercises``),
``worksheet`` (printable pages), ``quizzes`` (the ipywidgets quiz).
"""

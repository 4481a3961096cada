"""The coaching logic: content, answers, fit, drafts, walk-through, debrief wording.

Plain typed Python over pydantic-validated content; nothing here imports Rasa
(the adapters are in ``actions/``).
"""

"""Rasa NLU pipeline components (adapters over plain infocoach modules)."""

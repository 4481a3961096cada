"""infocoach: coaching job-seekers through informational interviews.

The package is plain Python that knows nothing of Rasa: content models and
loaders, the fit verdict, drafts, the walk-through order and the analysis.
Rasa custom actions in ``actions/`` are thin adapters over it.
"""

__version__ = "0.1.0"

"""xbrl-converter: financial statements in SEC filings to XBRL filing packages.

The pipeline, one package per stage: ``readers`` -> ``extraction`` -> ``mapper`` ->
``builder`` -> ``writers`` -> ``validator``.  ``convert`` runs all of them.
"""

from __future__ import annotations

__version__ = "0.1.0"

from converter.pipeline import Result, convert  # noqa: E402

__all__ = ["Result", "convert", "__version__"]

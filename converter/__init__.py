"""xbrl-converter: financial statements in SEC filings to XBRL filing packages.

The pipeline, one package per stage: ``readers`` -> ``extraction`` -> ``mapper`` ->
``builder`` -> ``writers`` -> ``validator``.  ``convert`` runs all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from converter.pipeline import Result, convert


def __getattr__(name: str) -> Any:
    """``converter.convert`` and ``converter.Result``, imported on first use: a process that
    needs one stage (the validating child, a batch worker's parent) does not load them all."""
    if name in ("convert", "Result"):
        from converter import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'converter' has no attribute {name!r}")


__all__ = ["Result", "convert", "__version__"]

"""Batch conversion: many filings, one package each, a manifest and one facts table.

``inputs`` expands what the user named into filings; ``job`` converts one filing inside a
worker (the worker keeps the mapper's knowledge and Arelle loaded between filings);
``facts`` turns a package into rows of the batch's Parquet table; ``manifest`` records
each filing's outcome as one JSON line, so that a rerun skips what is done; ``engines``
run the jobs on local worker processes or a Dask cluster; ``runner`` ties them together.
"""

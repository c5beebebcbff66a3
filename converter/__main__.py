"""``python -m converter`` runs the command line."""

from converter.cli import entry

entry()

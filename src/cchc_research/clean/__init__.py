"""Stage 2, cleaning: `cchc clean` turns data/raw/ into the tables of data/processed/.

`pipeline` reads every source with its reader, resolves provinces, attaches methodology eras and
writes the tables atomically; `reconcile` groups quoted figures and resolves conflicts by the
written rules of config/resolutions.yml.
"""

from .pipeline import DESCRIPTION, HELP, add_arguments, build_tables, clean, run

__all__ = ["DESCRIPTION", "HELP", "add_arguments", "build_tables", "clean", "run"]

"""cchc-research: provincial public administration reform (CCHC) data, validation and comparative studies.

The package follows the data flow: `sources` (snapshot and readers) → `clean` → `validate` →
`analysis` → `publish` (the report site), with `extract` reading figures from documents, beside a
small core: `provinces` (the registry), `schema`, `config`, `paths`, `io`, `errors`, `numbers`, `cli`.

Notebooks import the report helpers by their short names (`cchc_research.plots`, `.labels`,
`.narrative`, `.maps`); these resolve to the modules of `publish`, so the same module object serves both names.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

__version__ = "0.1.0"

#: Public names notebooks import → the module that implements them.
ALIASES = {
    f"{__name__}.plots": f"{__name__}.publish.plots",
    f"{__name__}.labels": f"{__name__}.publish.labels",
    f"{__name__}.narrative": f"{__name__}.publish.narrative",
    f"{__name__}.maps": f"{__name__}.publish.maps",
}


class _AliasLoader(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports an alias by importing its target and putting that module in its place in sys.modules."""

    def find_spec(self, name: str, path=None, target=None) -> importlib.machinery.ModuleSpec | None:
        return importlib.machinery.ModuleSpec(name, self) if name in ALIASES else None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        sys.modules[module.__name__] = importlib.import_module(ALIASES[module.__name__])


if not any(isinstance(finder, _AliasLoader) for finder in sys.meta_path):
    sys.meta_path.append(_AliasLoader())

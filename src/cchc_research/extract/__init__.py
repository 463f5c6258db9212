"""Figures from provincial reform reports: quantitative claims in Vietnamese text, with provenance.

- `extract_claims(text, meta)`: the claims of one text (`claims.Claim`); `iter_claims` streams them.
- `read_documents(documents_dir)`: the claims of every document in a folder with `manifest.yml`,
  and one `DataError` per document that could not be read.
- `claims_frame(claims)`: claims as a table (the columns of `cchc extract`).
- `document_quotes(claims, manifest_meta)`: index values and ranks as quotes for `reported_figures`.
- `check_claims(claims_df, indicators)`: agree / disagree / cannot check against the indices.
"""

from .check import check_claims
from .claims import KINDS, UNIT_LEVELS, Claim, extract_claims, iter_claims
from .documents import claims_frame, document_quotes, read_documents, read_manifest
from .indicators import CODES
from .text import clean_text, load_document

__all__ = ["CODES", "KINDS", "UNIT_LEVELS", "Claim", "check_claims", "claims_frame", "clean_text", "document_quotes",
           "extract_claims", "iter_claims", "load_document", "read_documents", "read_manifest"]

"""Stage 1, the sources: `cchc snapshot` copies and extracts the upstream files of `../shared` into
`data/raw/` with a checksummed manifest (`snapshot`), and each source format has one reader that turns
its raw extract into tidy rows (`readers`)."""

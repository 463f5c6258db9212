"""One reader per raw source format. Each returns a frame in an intermediate layout
(`common.VALUE_COLUMNS` for index values, `common.QUOTE_COLUMNS` for quoted figures)."""

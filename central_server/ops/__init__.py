"""Op handlers, one module per op family; see `registry`."""

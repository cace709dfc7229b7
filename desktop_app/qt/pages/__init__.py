"""The desk's pages, one module each, reached by F1-F6 and the side navigation."""

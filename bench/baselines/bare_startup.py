"""Floor for `newsarchive --help`: a Python process that starts and exits, importing nothing."""

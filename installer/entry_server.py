"""Entry point of the bundled central server (PyInstaller runs this file)."""

import sys

from central_server.cli import main

if __name__ == "__main__":
    sys.exit(main())

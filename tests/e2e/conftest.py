import sys
from pathlib import Path

# tests/ is not a package and pytest runs in importlib mode: make `tests.helpers` importable.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

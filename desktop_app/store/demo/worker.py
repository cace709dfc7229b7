"""A generator process: `python -m desktop_app.store.demo.worker '<json>'` writes pickled
Batches of its share of the chunks (every `stride`-th, from `index`) to stdout, in order.

A plain child process and a pipe rather than multiprocessing: spawn re-imports the caller's
`__main__` (which breaks under `python -c`, stdin, or a script without a main guard), and the
pipe bounds memory by itself: a worker that is ahead blocks on the full pipe. Nothing
imports this module (runpy would warn when `-m` runs a module that is already imported).
"""

from __future__ import annotations

import json
import pickle
import sys
from typing import Any

from desktop_app.store.demo.rows import MemberGenerator, chunk_ranges, make_chunk


def main(argv: list[str]) -> int:
    job: dict[str, Any] = json.loads(argv[0])
    gen = MemberGenerator(**job["generator"])
    ranges = chunk_ranges(gen.count, job["block"], job["chunk_blocks"])
    out = sys.stdout.buffer
    for first, stop in ranges[job["index"] :: job["stride"]]:
        pickle.dump(make_chunk(gen, first, stop), out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

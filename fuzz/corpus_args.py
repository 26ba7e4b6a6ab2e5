"""Where a harness's corpus lives when none is named: shared by every harness in fuzz/."""

from __future__ import annotations

import os
import sys


def add_default_corpus(target: str) -> None:
    """With no corpus folder given, grow fuzz/corpus/TARGET from the committed fuzz/seeds/TARGET."""
    if any(not a.startswith("-") for a in sys.argv[1:]):
        return
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = os.path.join(here, "corpus", target)
    os.makedirs(corpus, exist_ok=True)
    sys.argv += [corpus, os.path.join(here, "seeds", target)]

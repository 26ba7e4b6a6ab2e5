"""The registry of input formats: name -> the function that turns bytes into Articles.

Every format has one function of this shape, named in FORMATS as "module:function":

    def extract_x(data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]

yielding one Article per record it finds, and a BadInputError (yielded, not raised) for a
record it has to skip while the rest of the file is still read. A file that cannot be read
at all raises BadInputError. Extractors are pure: no archive, no terminal, no network.

Modules are imported only when their format is used, so `newsarchive --help` stays fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable, Iterator, Union

from newsarchive.errors import BadInputError
from newsarchive.model import Article

# Format name -> "module:function". Adding a format is one module plus one line here.
FORMATS: dict[str, str] = {
    "text": "newsarchive.extract.textpage:extract_text_file",
    "json": "newsarchive.extract.structured:extract_json",
    "jsonl": "newsarchive.extract.structured:extract_jsonl",
    "csv": "newsarchive.extract.structured:extract_csv",
    "html": "newsarchive.extract.html:extract_html",
    "warc": "newsarchive.extract.warc:extract_warc",
    "feed": "newsarchive.extract.feed:extract_feed",
    "markdown": "newsarchive.extract.markdown:extract_markdown",
}


@dataclass(frozen=True)
class ExtractContext:
    """What an extractor may know besides the bytes."""

    path: str = "-"
    # Normalised lines (see extract.textpage) that recur across this site's pages already in
    # the archive: furniture, whatever they look like.
    furniture: frozenset[str] = frozenset()
    # Extra per-format options (e.g. a day-first date hint); extractors ignore unknown keys.
    options: dict[str, object] = field(default_factory=dict)


Extractor = Callable[[bytes, ExtractContext], Iterator[Union[Article, BadInputError]]]


def extractor_for(name: str) -> Extractor:
    """The extract function of a format name; KeyError for an unknown one."""
    module_name, function_name = FORMATS[name].split(":")
    return getattr(importlib.import_module(module_name), function_name)



def extract(name: str, data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]:
    """Run the named format's extractor."""
    return extractor_for(name)(data, context)

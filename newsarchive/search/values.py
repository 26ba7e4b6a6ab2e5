"""A minimal base for the search package's small value classes (query nodes, hits, filters).

`dataclasses` would do the same job, but importing it and building a dozen classes with it
costs several milliseconds of start-up on every search, where the whole query may take
tens. Subclasses list their fields in `__slots__`; `_compared` names those that count
for equality (a node's position in the query text does not).
"""

from __future__ import annotations


class Value:
    __slots__: tuple[str, ...] = ()
    _compared: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._compared or self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

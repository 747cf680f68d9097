"""Plain-text news articles in, one report out.

The report is the one the ``analyze`` command line prints (same keys in the same order, same
values): sections, duplicated passages, quotes and reported speech with their speakers, and
entities. Offsets are Unicode scalar positions, so they index Python strings directly::

    >>> import news_analyze
    >>> r = news_analyze.analyze(text)
    >>> q = r["quotes"][0]
    >>> text[q["start"]:q["end"]] == q["text"]
    True
"""

import json
from itertools import islice
from typing import Any, Dict, Iterable, Iterator, Optional, Union

from . import _native

__all__ = ["analyze", "analyze_many", "schema", "AnalyzeError", "__version__", "NOTICES"]

__version__: str = _native.VERSION
#: The licence notices of the name lists and weights compiled in (``analyze --notices``).
NOTICES: str = _native.NOTICES
AnalyzeError = _native.AnalyzeError

_Record = Union[str, Dict[str, Any]]


def analyze(text: str, id: Any = None, *, fingerprints: bool = False) -> Dict[str, Any]:
    """The report of one article, as the CLI prints it for a JSON Lines record ``{"id", "text"}``.

    ``id`` is any JSON value (null when omitted); ``fingerprints`` adds the passage fingerprints
    (``--fingerprints``). Raises ``TypeError`` when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return json.loads(_native.analyze_json(text, _id_json(id), fingerprints))


def analyze_many(
    records: Iterable[_Record],
    threads: int = 0,
    *,
    cross_article: bool = False,
    fingerprints: bool = False,
    chunk: int = 256,
) -> Iterator[Dict[str, Any]]:
    """Reports of many articles, yielded in input order as they are done.

    ``records`` holds texts (their id is their position, from 0) or dicts ``{"id": ..., "text": ...}``
    (other keys are ignored). It is read ``chunk`` records at a time, so a generator of any length
    streams in bounded memory. Each chunk is analysed on ``threads`` threads (0: one per core) with
    the GIL released. ``cross_article`` compares each article with all before it, in order, as
    ``analyze --cross-article`` does (one thread). Raises ``AnalyzeError`` for a dict without a
    ``"text"`` string and ``TypeError`` for a record that is neither a str nor a dict.
    """
    if chunk < 1:
        raise ValueError("chunk must be at least 1")
    runner = _native.Runner(threads, cross_article, fingerprints)
    it = iter(records)
    position = 0
    pending = None
    while True:
        batch = list(islice(it, chunk))
        started = None
        if batch:
            texts, ids = [], []
            for record in batch:
                text, id = _record(record, position)
                texts.append(text)
                ids.append(_id_json(id))
                position += 1
            # the next batch is analysed while this thread turns the previous one into dicts
            started = runner.start(texts, ids)
        if pending is not None:
            for report in pending.wait():
                yield json.loads(report)
        if started is None:
            return
        pending = started


def schema() -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output line, a report or an error record."""
    return json.loads(_native.schema_json())


def _record(record: _Record, position: int):
    if isinstance(record, str):
        return record, position
    if isinstance(record, dict):
        text = record.get("text")
        if not isinstance(text, str):
            raise AnalyzeError(f'record {position}: record has no "text" string')
        return text, record.get("id", position)
    raise TypeError(f"record {position}: a str or a dict with a \"text\" string, not {type(record).__name__}")


def _id_json(id: Any) -> str:
    try:
        return json.dumps(id, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        raise AnalyzeError(f"bad id: {e}") from None

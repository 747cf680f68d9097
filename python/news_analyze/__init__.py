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

__all__ = ["analyze", "analyze_html", "analyze_many", "schema", "AnalyzeError", "__version__", "NOTICES"]

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


def analyze_html(html: str, id: Any = None, *, fingerprints: bool = False) -> Dict[str, Any]:
    """The report of one HTML page, as the CLI prints it for ``page.html`` (or a JSON Lines record
    ``{"id", "html"}``): the page is rendered to text, which the report carries as ``text`` and
    every offset indexes, with ``"source_format": "html"``. Raises ``TypeError`` when ``html`` is
    not a string (decode bytes first, by the page's charset).
    """
    if not isinstance(html, str):
        raise TypeError(f"html must be a str, not {type(html).__name__}")
    return json.loads(_native.analyze_json(html, _id_json(id), fingerprints, True))


def analyze_many(
    records: Iterable[_Record],
    threads: int = 0,
    *,
    cross_article: bool = False,
    fingerprints: bool = False,
    chunk: int = 256,
    errors: str = "raise",
) -> Iterator[Dict[str, Any]]:
    """Reports of many articles, yielded in input order as they are done.

    ``records`` holds texts (their id is their position, from 0) or dicts ``{"id": ..., "text": ...}``
    or ``{"id": ..., "html": ...}`` (an HTML page, as ``analyze_html``; a dict with both is read by
    its ``text``; other keys are ignored); a single ``str`` or ``dict`` is a ``TypeError`` (use ``analyze``). It
    is read ``chunk`` records at a time, so a generator of any length streams in bounded memory, and
    an exception the iterable raises comes after the reports of the records it gave before it. Each
    chunk is analysed on ``threads`` threads (0: one per core; at most 128, as the command line)
    with the GIL released; Ctrl-C interrupts within a tenth of a second. ``cross_article`` compares
    each article with all before it, in order, as ``analyze --cross-article`` does (one thread).

    ``errors`` says what a bad record does (a dict without a ``"text"`` string, an id that is not
    JSON, a record that is neither a str nor a dict): ``"raise"`` (the default) raises
    ``AnalyzeError`` or ``TypeError`` there, after the reports of the records before it;
    ``"record"`` yields ``{"id": ..., "error": "..."}`` in its place and goes on, as the command
    line does (the id is the record's when it has a usable one, else its position).
    """
    if isinstance(records, (str, bytes, dict)):
        raise TypeError(
            f"records must be an iterable of texts or dicts, not one {type(records).__name__}: "
            "for one article, use analyze()")
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 0:
        raise ValueError(f"threads must be a whole number, 0 or more, not {threads!r}")
    if chunk < 1:
        raise ValueError("chunk must be at least 1")
    if errors not in ("raise", "record"):
        raise ValueError(f'errors must be "raise" or "record", not {errors!r}')
    runner = _native.Runner(threads, cross_article, fingerprints)
    it = iter(records)
    position = 0
    pending = None
    while True:
        batch, failure = _take(it, chunk)
        started = None
        if batch:
            texts, ids, pages = [], [], []
            # per record: None for one being analysed, else its error record
            slots = []
            for record in batch:
                try:
                    text, id_json, page = _record(record, position)
                except (AnalyzeError, TypeError) as e:
                    if errors == "raise":
                        # the reports of the records before this one come first
                        if pending is not None:
                            yield from _merged(pending)
                        if texts:
                            yield from _merged((runner.start(texts, ids, pages), slots))
                        raise
                    slots.append(_error_record(record, position, e))
                else:
                    texts.append(text)
                    ids.append(id_json)
                    pages.append(page)
                    slots.append(None)
                position += 1
            # the next batch is analysed while this thread turns the previous one into dicts
            started = (runner.start(texts, ids, pages), slots)
        if pending is not None:
            yield from _merged(pending)
        if failure is not None:
            # the iterable failed: what it gave before still comes out, then its exception
            if started is not None:
                yield from _merged(started)
            raise failure
        if started is None:
            return
        pending = started


def _take(it, n):
    """Up to ``n`` records from ``it``, and the exception ``it`` raised while giving them, if any."""
    batch = []
    try:
        for record in islice(it, n):
            batch.append(record)
    except Exception as e:  # noqa: BLE001 - re-raised by the caller after the reports before it
        return batch, e
    return batch, None


def _merged(pending) -> Iterator[Dict[str, Any]]:
    """A started batch's reports, with its error records in their places."""
    started, slots = pending
    reports = iter(started.wait())
    for slot in slots:
        yield json.loads(next(reports)) if slot is None else slot


def _error_record(record: Any, position: int, error: Exception) -> Dict[str, Any]:
    """The command line's error line for a record that could not be analysed."""
    id = record.get("id", position) if isinstance(record, dict) else position
    try:
        json.dumps(id)
    except (TypeError, ValueError):
        id = position
    return {"id": id, "error": str(error)}


def schema() -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output line, a report or an error record."""
    return json.loads(_native.schema_json())


def _record(record: _Record, position: int):
    """A record's text, its id as JSON and whether the text is an HTML page; the errors say the
    record's position."""
    if isinstance(record, str):
        return record, _id_json(position), False
    if isinstance(record, dict):
        text, page = record.get("text"), False
        if not isinstance(text, str) and isinstance(record.get("html"), str):
            text, page = record["html"], True
        if not isinstance(text, str):
            raise AnalyzeError(f'record {position}: record has no "text" (or "html") string')
        try:
            return text, _id_json(record.get("id", position)), page
        except AnalyzeError as e:
            raise AnalyzeError(f"record {position}: {e}") from None
    raise TypeError(f"record {position}: a str or a dict with a \"text\" string, not {type(record).__name__}")


def _id_json(id: Any) -> str:
    try:
        return json.dumps(id, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        raise AnalyzeError(f"bad id: {e}") from None

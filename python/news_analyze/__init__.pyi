from typing import Any, Dict, Iterable, Iterator, Union

__version__: str
NOTICES: str

class AnalyzeError(ValueError):
    """An input that cannot be analysed (the message is the command line's)."""

def analyze(text: str, id: Any = None, *, fingerprints: bool = False) -> Dict[str, Any]: ...
def analyze_html(html: str, id: Any = None, *, fingerprints: bool = False) -> Dict[str, Any]: ...
def analyze_many(
    records: Iterable[Union[str, Dict[str, Any]]],
    threads: int = 0,
    *,
    cross_article: bool = False,
    fingerprints: bool = False,
    chunk: int = 256,
    errors: str = "raise",
) -> Iterator[Dict[str, Any]]: ...
def schema() -> Dict[str, Any]: ...

"""Files, folders and URLs -> Articles, with metadata read off the page or the text.

Pure: reads and fetches, returns ``Article`` records and a list of skipped
inputs with reasons. Storing them is the caller's job (``store.add_articles``).

Modules: ``files`` (which files, each format's reader), ``decoding`` (bytes to
text), ``mainhtml`` (a page's main text, trafilatura), ``visible`` (every
visible block, the fallback), ``pagemeta`` (meta tags and JSON-LD),
``textmeta`` and ``dates`` (metadata and bylines read off text), ``furniture`` (credits, captions and
counters that are never a title or outlet), ``records``
(JSON records), ``jsonl`` (JSONL read as a stream), ``fetch`` (http(s)), ``article`` (the record, control
characters, the id).
"""

from curator.ingest.article import Page, Skipped, make_article, normalise, strip_controls
from curator.ingest.decoding import DecodeError, decode_html, decode_text, known_codec
from curator.ingest.files import MAX_BYTES, SUFFIXES, discover, iter_articles, read_articles
from curator.ingest.textmeta import detect_language, find_outlet, find_published, find_title, find_url
from curator.ingest.visible import html_to_text

__all__ = [
    "MAX_BYTES", "SUFFIXES", "DecodeError", "Page", "Skipped", "decode_html", "decode_text", "detect_language",
    "discover", "find_outlet", "find_published", "find_title", "find_url", "html_to_text", "iter_articles", "known_codec",
    "make_article", "normalise", "read_articles", "strip_controls",
]

"""User text -> a Whoosh query. Nothing a user types raises: bad syntax degrades to terms."""

from __future__ import annotations

import re

from whoosh import qparser
from whoosh.fields import Schema
from whoosh.query import Every, NullQuery, Or, Query, Term

from eoreader.sanitize import clean_line

# Title, key points and headings say what a document is about more than any body line.
FIELD_BOOSTS = {"title": 3.0, "keypoints": 2.0, "headings": 1.5, "body": 1.0}
MAX_QUERY_CHARS = 500
_WORD = re.compile(r"\w+")
_ORDER_NUMBER = re.compile(
    r"^\s*(?:(?:executive\s+order|e\.?\s*o\.?)\s*(?:no\.?\s*)?)?(\d{4,5})\s*$", re.I
)


def order_number(text: str) -> str | None:
    """The order number when the query is one alone ("14288", "EO 14288", "E.O. 14288")."""
    match = _ORDER_NUMBER.match(text)
    return match.group(1) if match else None


def _parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(
        list(FIELD_BOOSTS), schema, fieldboosts=FIELD_BOOSTS,
        # Documents matching more of the words rank higher, but all words are not required.
        group=qparser.OrGroup.factory(0.9),
    )
    parser.add_plugin(qparser.FieldAliasPlugin({"number": ["eo"], "headings": ["heading"]}))
    return parser


def plain_terms(text: str, schema: Schema) -> Query:
    """The words of `text` as an OR of terms over every text field, ignoring all syntax."""
    words = " ".join(_WORD.findall(text))
    if not words:
        return NullQuery
    parser = _parser(schema)
    parser.remove_plugin_class(qparser.FieldsPlugin)
    return parser.parse(words)


def parse(text: str, schema: Schema) -> Query | None:
    """The query for `text`; None when it is empty (list everything newest first)."""
    text = clean_line(text)[:MAX_QUERY_CHARS]
    if not text:
        return None
    if number := order_number(text):
        return Or([Term("number", number, boost=100.0), plain_terms(text, schema)])
    try:
        query = _parser(schema).parse(text)
    except Exception:  # qparser raises assorted types on odd input; fall back to plain words
        return plain_terms(text, schema)
    if query is NullQuery or isinstance(query, Every) or not list(query.leaves()):
        return plain_terms(text, schema)
    return query

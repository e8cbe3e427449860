"""Changes to other orders against the Federal Register's own record, over the shared corpus.

The disposition notes of the corpus's API JSON ("Revoked by: EO 13062, ...", "Amends: EO
12852, ...") record who changed what. For every such note whose acting order has a text in
the corpus, that text must yield the change (recall); every change found in an order's text
whose target has a JSON is checked against the notes (precision). The notes name a change
only where their editors classified it: they link other pairs by "See:" (EO 13536, "See: EO
13620", which amends its section 1(a)) or "Continued by:". A change found for such a pair
agrees with the record without being named by it; both figures are printed, and precision
counts the changes the record names or links.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from eoreader import Library
from eoreader.ingest.references import find_references
from eoreader.ingest.status import note_changes
from eoreader.library import NotFound
from eoreader.model import Relation
from tests.conftest import require_corpus

Change = tuple[str, Relation, str]  # (acting order, relation, target order)
TEXT_SUFFIXES = {".xml", ".html", ".htm", ".pdf"}
# The notes' other links between two orders: a change found there contradicts nothing.
_LINKS = re.compile(r"^\s*(?:See|Continued by|Continues)\b[^:]*:(.*)$", re.I | re.M)


class Record(NamedTuple):
    """What the notes say: changes to find, changes that count as confirmed, orders with notes."""

    required: set[tuple[str, Relation, str, bool]]
    confirmed: set[Change]
    linked: set[frozenset[str]]
    documented: set[str]


def read_record(library: Library) -> Record:
    corpus = require_corpus() / "federal-register"
    required: set[tuple[str, Relation, str, bool]] = set()
    confirmed: set[Change] = set()
    linked: set[frozenset[str]] = set()
    documented: set[str] = set()
    for path in sorted(corpus.glob("EO_*.json")):
        number = str(json.loads(path.read_text()).get("executive_order_number") or path.stem[3:])
        documented.add(number)
        notes = library.get(number).disposition_notes
        for change in note_changes(notes):
            acting, target = (change.number, number) if change.by else (number, change.number)
            # An order cannot change one issued after it: such a note is a slip of the record.
            if int(acting) > int(target):
                required.add((acting, change.relation, target, change.partial))
                confirmed.add((acting, change.relation, target))
                if change.partial:
                    confirmed.add((acting, Relation.AMENDS, target))
        for match in _LINKS.finditer("\n".join(notes)):
            for other in re.findall(r"\bE?EO\s+(\d{4,5})", match.group(1)):
                linked.add(frozenset((number, other)))
    return Record(required, confirmed, linked, documented)


def found_changes(library: Library) -> tuple[set[Change], set[str]]:
    corpus = require_corpus() / "federal-register"
    numbers = sorted({p.stem[3:] for p in corpus.glob("EO_*") if p.suffix in TEXT_SUFFIXES})
    found: set[Change] = set()
    for number in numbers:
        try:
            doc = library.get(number)
        except NotFound:
            continue
        for ref in find_references(doc):
            if ref.relation is not Relation.MENTIONS:
                found.add((number, ref.relation, ref.number))
    return found, set(numbers)


def test_changes_to_other_orders_match_the_disposition_notes(corpus_library: Library) -> None:
    record = read_record(corpus_library)
    found, with_text = found_changes(corpus_library)
    required = {r for r in record.required if r[0] in with_text}
    hits = {r for r in required if r[:3] in found or (r[3] and (r[0], Relation.AMENDS, r[2]) in found)}
    judged = {f for f in found if f[2] in record.documented}
    confirmed = judged & record.confirmed
    linked = {f for f in judged - confirmed if frozenset((f[0], f[2])) in record.linked}
    recall = len(hits) / len(required)
    named = len(confirmed) / len(judged)
    precision = (len(confirmed) + len(linked)) / len(judged)
    print(f"\nchanges: recall {recall:.3f} ({len(hits)}/{len(required)} notes); precision {precision:.3f} "
          f"({len(confirmed)} named by the notes + {len(linked)} linked by a See/Continued note, of "
          f"{len(judged)}); named alone {named:.3f}; {len(judged - confirmed - linked)} unrecorded")
    for acting, relation, target, _ in sorted(required - hits):
        print(f"  missed: EO {acting} {relation.value} EO {target}")
    for acting, relation, target in sorted(judged - confirmed - linked):
        print(f"  unrecorded: EO {acting} {relation.value} EO {target}")
    assert recall >= 0.9
    assert precision >= 0.9

"""Who a "shall" directs, named the same way in every order."""

from __future__ import annotations

import pytest

from eoreader.ingest.actors import aliases_in, normalize


@pytest.mark.parametrize(("subject", "actor"), [
    ("Within 60 days of the date of this order, the Attorney General ", "the Attorney General"),
    ("(b) Within 180 days of the date of this order, the Secretary of Energy, in coordination with the "
     "Secretary of Defense and the Administrator of the Environmental Protection Agency, ", "the Secretary of Energy"),
    ("The Secretary of State, the Secretary of the Treasury, and the Attorney General ",
     "the Secretary of State; the Secretary of the Treasury; the Attorney General"),
    ("The Director of the Office of Management and Budget (OMB) ", "the Director of OMB"),
    ("the heads of all executive departments and agencies (agencies) ", "the heads of executive departments and agencies"),
    ("Each agency ", "the heads of executive departments and agencies"),
    ("the head of each executive department and agency ", "the heads of executive departments and agencies"),
    ("The Secretaries of State, Health and Human Services, and Labor ",
     "the Secretary of State; the Secretary of Health and Human Services; the Secretary of Labor"),
    ("the Secretary of Homeland Security acting through the Director of CISA, ", "the Secretary of Homeland Security"),
    ("The Secretary of Defense, in consultation with the Secretary of State and the Attorney General, ",
     "the Secretary of Defense"),
    ("the National Security Agency (NSA), acting through its AI Security Center, ", "the National Security Agency"),
    ("Consistent with applicable law, the Secretary of Homeland Security ", "the Secretary of Homeland Security"),
    ("Nothing in this order ", ""),
    ("This order ", ""),
    ("A report ", ""),
    ("The term “agency” ", ""),
])
def test_subject_to_actor(subject: str, actor: str) -> None:
    assert normalize(subject) == actor


def test_short_names_an_order_defines() -> None:
    text = ("the Secretary of Commerce (Secretary) shall act; the Secretary of Homeland Security "
            "(the “DHS Secretary”) too; the Director of the Office of Management and Budget (OMB) as well.")
    aliases = aliases_in(text)
    assert aliases == {"Secretary": "Secretary of Commerce", "DHS Secretary": "Secretary of Homeland Security"}
    assert normalize("(a) The Secretary ", aliases) == "the Secretary of Commerce"

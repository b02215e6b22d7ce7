"""A relation names only what the entity rules found: a role's person whole (McConnell, not Mc) and never a
headline's capitalised words."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator Mitch McConnell of Kentucky spoke first.", [("Senator Mitch McConnell", "Senator", None, None)]),
        ("President Barack Obama's plan failed in Congress.", [("President Barack Obama", "President", None, None)]),
        # headline case: no person the rules found after the role word
        ("Prime Minister Vows Tax Cuts After Election Defeat", []),
    ],
)
def test_a_role_names_the_person_found(text: str, expected: list[tuple[str, object, None, None]]) -> None:
    assert found(text, "role") == expected

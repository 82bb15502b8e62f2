from __future__ import annotations

import xml.etree.ElementTree as ET

from realtime_skill.loader import load_skill
from realtime_skill.prompt import catalog, estimate_tokens, full


def test_catalog_is_well_formed_xml_with_escaped_values() -> None:
    skill = load_skill()
    root = ET.fromstring(catalog(skill, location="/x/<y>&/SKILL.md"))
    assert root.tag == "available_skills"
    assert root.findtext("skill/name").strip() == "realtime-engineer"  # type: ignore[union-attr]
    assert root.findtext("skill/location").strip() == "/x/<y>&/SKILL.md"  # type: ignore[union-attr]


def test_catalog_matches_skills_ref_layout() -> None:
    from pathlib import Path

    from skills_ref import to_prompt

    skill = load_skill()
    ours = catalog(skill, location=str((skill.root / "SKILL.md").resolve()))
    theirs = to_prompt([Path(skill.root)])
    assert ours.split() == theirs.split()


def test_full_respects_the_budget() -> None:
    skill = load_skill()
    for budget in (200, 3000, 6000, 100_000):
        text = full(skill, budget)
        assert estimate_tokens(text) <= max(budget, estimate_tokens(catalog(skill)))
    assert "<entry_index>" in full(skill, 100_000)

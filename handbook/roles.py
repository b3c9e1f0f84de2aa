"""Roles: from the manifest if set there, otherwise from keyword rules (rules/roles.yaml)."""

from __future__ import annotations


def role_names(roles_rules: dict) -> list[str]:
    return [r["name"] for r in roles_rules["roles"]]


def role_slug(roles_rules: dict, name: str) -> str:
    return next(r["slug"] for r in roles_rules["roles"] if r["name"] == name)


def role_from_keywords(title: str, body: str, roles_rules: dict) -> str | None:
    """Score each role by its keywords (title counts title_weight times); None when no role clearly leads."""
    scores = []
    for role in roles_rules["roles"]:
        score = 0
        # longer keywords first, and each match counted once ("党委书记" is not also "书记")
        for text, weight in ((title, roles_rules["title_weight"]), (body, 1)):
            rest = text
            for word in sorted(role["keywords"], key=len, reverse=True):
                score += rest.count(word) * weight
                rest = rest.replace(word, "")
        scores.append((score, role["name"]))
    scores.sort(reverse=True)
    (best, name), (second, _) = scores[0], scores[1]
    if best == 0 or second > best * (1 - roles_rules["margin"]):
        return None
    return name

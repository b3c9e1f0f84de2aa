"""Roles: from the manifest if set there, otherwise from keyword rules (rules/roles.yaml)."""

from __future__ import annotations

from .rules import RoleRules


def role_names(roles_rules: RoleRules) -> list[str]:
    return [r.name for r in roles_rules.roles]


def role_slug(roles_rules: RoleRules, name: str) -> str:
    return next(r.slug for r in roles_rules.roles if r.name == name)


def role_scores(title: str, body: str, roles_rules: RoleRules) -> list[tuple[int, str, dict[str, int]]]:
    """Each role's score by its keywords (title counts title_weight times) and the words found, best first."""
    scores = []
    for role in roles_rules.roles:
        score = 0
        words: dict[str, int] = {}
        # longer keywords first, and each match counted once ("党委书记" is not also "书记")
        for text, weight in ((title, roles_rules.title_weight), (body, 1)):
            rest = text
            for word in sorted(role.keywords, key=len, reverse=True):
                if n := rest.count(word):
                    score += n * weight
                    words[word] = words.get(word, 0) + n
                rest = rest.replace(word, "")
        scores.append((score, role.name, words))
    scores.sort(key=lambda s: -s[0])
    return scores


def role_from_keywords(title: str, body: str, roles_rules: RoleRules) -> str | None:
    """The role whose keywords clearly lead; None when none does."""
    (best, name, _), (second, _, _) = role_scores(title, body, roles_rules)[:2]
    if best == 0 or second > best * (1 - roles_rules.margin):
        return None
    return name


def undecided_role_warning(title: str, body: str, roles_rules: RoleRules) -> str:
    """What to say when no role leads: the best guess and the words that point to it."""
    scores = [s for s in role_scores(title, body, roles_rules) if s[0]]
    if not scores:
        return "role could not be decided: no role's keywords (rules/roles.yaml) in title or body; set `role` in sources/manifest.yaml"
    evidence = "; ".join(f"{name} {score} ({', '.join(f'{w}×{n}' for w, n in words.items())})" for score, name, words in scores)
    return (f"role could not be decided: best guess {scores[0][1]}, no clear lead — {evidence}; "
            f"set `role` in sources/manifest.yaml")

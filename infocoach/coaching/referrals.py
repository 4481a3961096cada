"""Did the manager suggest people to contact? Read from the user's own account.

The debrief reminds the user to ask for referrals at their next meeting; to
someone who just wrote "she gave me two names" that reminder is noise. This
reader lets the debrief tell the two apart. It is deliberately small: plain
regular expressions over clauses, with a negation check, because a wrong
"no" only costs one reminder the user can ignore.
"""

from __future__ import annotations

import re

# Clauses: a negation in one ("he didn't take notes") must not spill into the
# next ("but he gave me two names").
_CLAUSE_BREAK = re.compile(r"[.;!?,\n]|\b(?:but|though|although|however|yet)\b", re.I)

_GIVING = (
    r"gave|give|given|giving|got|get|getting|passed|offered|shared|sent|suggested|suggest"
    r"|recommended|recommend|mentioned|named|listed"
)
_PEOPLE = (
    r"names|a name|one name|referrals?|contacts|introductions?|managers|people|colleagues"
    r"|someone|somebody"
)
_GOT_NAMES = re.compile(
    rf"\b(?:{_GIVING})\b[^.;,]{{0,40}}?\b(?:{_PEOPLE})\b"
    r"|\brefer(?:red)?\s+me\b(?:\s+to\s+\w+(?:\s+one)?)?"
    r"|\bput\s+me\s+in\s+touch\b"
    r"|\bintroduced\s+me\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:no|not|never|none|nobody|nothing|without|refused|declined|forgot|hop(?:e|ed|ing)|wish(?:ed)?)\b"
    r"|n'?t\b",
    re.I,
)
# How many words before the verb a negation (or a hope: "I was hoping she would
# give") still applies to: "did not really give".
_NEGATION_REACH = 3


def said_got_names(report: str) -> bool:
    """True when the report says the manager suggested people to contact."""
    for clause in _CLAUSE_BREAK.split(report):
        for match in _GOT_NAMES.finditer(clause):
            before = clause[: match.start()].split()[-_NEGATION_REACH:]
            if not _NEGATION.search(" ".join([*before, match.group(0)])):
                return True
    return False

"""The library's output: text plus optional quick replies, channel-neutral.

Text uses a small markdown subset (``**bold**``, ``*italic*``, ``- `` lists,
numbered lists); each channel renders it its own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from infocoach.coaching.content import Button


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)

    def buttons_as_dicts(self) -> list[dict[str, str]]:
        return [{"title": b.title, "payload": b.payload} for b in self.buttons]


def bullet_list(items: list[str] | tuple[str, ...]) -> str:
    return "\n".join(f"- {item}" for item in items)

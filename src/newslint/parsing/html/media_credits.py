"""Who presents a page that is itself a video, a podcast or a show's episode.

A business channel's episode page ("VideoObject", "TVEpisode", "PodcastEpisode" in its JSON-LD, no article
object) has no writer's byline; its anchor or host presents it and answers for what it says on air, and its
structured data names them as the object's author or creator. Their names are the page's authors, as a byline's
are (a guest, the object's "actor", is no author). Its visible credit line ("Anchor: ...", "Hosted by ...") is
read as a byline (``bylines.BYLINE_LINE``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MEDIA_TYPES = frozenset(
    {
        "VideoObject",
        "AudioObject",
        "Clip",
        "Episode",
        "TVEpisode",
        "RadioEpisode",
        "PodcastEpisode",
        "BroadcastEvent",
    }
)


def media_credits(data: Any) -> Iterator[Any]:
    """The author and creator values (a name, or an object's name) of the script's own media objects: the
    script's object or list and an ``@graph``'s members, not objects nested in others."""
    stack = [data]
    seen = 0
    while stack and seen < 200:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
            continue
        if not isinstance(item, dict):
            continue
        graph = item.get("@graph")
        if isinstance(graph, (list, dict)):
            stack.append(graph)
        t = item.get("@type")
        if not any(isinstance(x, str) and x in MEDIA_TYPES for x in (t if isinstance(t, list) else [t])):
            continue
        for key in ("author", "creator"):
            values = item.get(key)
            for value in values if isinstance(values, list) else [values]:
                name = value.get("name") if isinstance(value, dict) else value
                if isinstance(name, str) and not name.lower().startswith("http"):
                    yield name

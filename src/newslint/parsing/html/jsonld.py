"""Walk JSON-LD data (objects, lists, ``@graph``) without recursion and find article objects."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "LiveBlogPosting",
        "ScholarlyArticle",
        "TechArticle",
        "Report",
        "SatiricalArticle",
        "SocialMediaPosting",
        "DiscussionForumPosting",
    }
)

# A page, not an article: WebPage and its schema.org subtypes (a brand's about, contact or FAQ page, a product's
# item page, a search or checkout page). Their objects give a page's title, date, author and publisher too, after
# any article object of the same page.
PAGE_TYPES = frozenset(
    {
        "WebPage",
        "AboutPage",
        "CheckoutPage",
        "CollectionPage",
        "ContactPage",
        "FAQPage",
        "ItemPage",
        "MedicalWebPage",
        "ProfilePage",
        "QAPage",
        "RealEstateListing",
        "SearchResultsPage",
        "MediaGallery",
        "ImageGallery",
        "VideoGallery",
    }
)
# The types whose objects describe the page itself (its title, date, author, publisher).
READ_TYPES = ARTICLE_TYPES | PAGE_TYPES

MAX_NODES = 20_000


def walk_json_ld(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict in ``data`` that has an ``@type``, top-level first, visiting at most ``MAX_NODES`` values.

    Article types come before ``WebPage`` and its subtypes (``PAGE_TYPES``) so that a page's article object wins over
    its page object.
    """
    found: list[tuple[int, dict[str, Any]]] = []
    queue: deque[Any] = deque([data])
    visited = 0
    while queue and visited < MAX_NODES:
        item = queue.popleft()
        visited += 1
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            t = item.get("@type")
            if t is not None:
                types = t if isinstance(t, list) else [t]
                rank = 1 if types and all(isinstance(x, str) and x in PAGE_TYPES for x in types) else 0
                found.append((rank, item))
            for key in ("@graph", "mainEntity", "itemListElement"):
                child = item.get(key)
                if isinstance(child, (list, dict)):
                    queue.append(child)
    found.sort(key=lambda r: r[0])
    for _, obj in found:
        yield obj


def declared_types(data: Any) -> Iterator[Any]:
    """The ``@type`` values that a JSON-LD script declares for the page itself: those of its own objects (the
    script's object or list, an ``@graph``'s members) and of their ``mainEntity``, not of values nested in them
    (an article's publisher ``Organization``, its author ``Person``, a breadcrumb's ``ListItem``s, the
    ``NewsArticle``s of a list of related stories). Each value as written (a string, ``JStr`` with its
    position), at most ``MAX_NODES`` objects looked at."""
    queue: deque[tuple[Any, bool]] = deque([(data, True)])
    visited = 0
    while queue and visited < MAX_NODES:
        item, top = queue.popleft()
        visited += 1
        if isinstance(item, list):
            queue.extend((child, top) for child in item)
        elif isinstance(item, dict):
            t = item.get("@type")
            yield from t if isinstance(t, list) else [t]
            graph = item.get("@graph")
            if isinstance(graph, (list, dict)):
                queue.append((graph, True))
            main = item.get("mainEntity")
            if top and isinstance(main, (list, dict)):
                queue.append((main, False))

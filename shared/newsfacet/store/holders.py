"""The rule of origins, shared by every engine: which objects hold an article after a write.

An article is held by every S3 object whose newest applied event produced it (the same page
uploaded as `a.html` and `b.html` is one article with two holders). Each hold carries the version of
that event, so an older event of one object never adds or removes a hold a newer one decided.
"""

from __future__ import annotations

from newsfacet.model import Holder

__all__ = ["with_holder", "without_holder"]


def with_holder(holders: list[Holder], holder: Holder) -> list[Holder] | None:
    """`holders` with `holder` added (replacing an older hold of the same object), in a stable
    order; None when the object already holds the article since this or a newer event."""
    others = [held for held in holders if (held.bucket, held.key) != (holder.bucket, holder.key)]
    if len(others) < len(holders) and not any(
        held.version < holder.version
        for held in holders
        if (held.bucket, held.key) == (holder.bucket, holder.key)
    ):
        return None
    return sorted([*others, holder], key=lambda held: (held.bucket, held.key))


def without_holder(holders: list[Holder], bucket: str, key: str, version: int) -> list[Holder] | None:
    """`holders` without the object's hold, if its event (`version`) is newer than that hold; None
    when the object does not hold the article or holds it since a newer event."""
    mine = [held for held in holders if (held.bucket, held.key) == (bucket, key)]
    if not mine or any(held.version >= version for held in mine):
        return None
    return [held for held in holders if (held.bucket, held.key) != (bucket, key)]

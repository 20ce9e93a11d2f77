"""The API's story routes: `GET /stories/{id}` and `GET /articles/{id}/related`.

Registered by `newsfacet.api.create_app` on its resolver, with its error replies; kept apart so the
story feature reads in one place.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Annotated

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from newsfacet.api import RELATED_PATH, STORY_PATH, StoreProvider
from newsfacet.api_parameters import ArticleId
from newsfacet.api_replies import JSON_TYPE, UNAVAILABLE_DOC, error_doc, json_reply, not_found
from newsfacet.model import ARTICLE_ID_PATTERN, MAX_PAGE_SIZE, Model, SearchHit, Story

__all__ = ["MAX_RELATED", "RelatedArticles", "add_story_routes"]

MAX_RELATED = 20
"""Related articles one request may ask for: a reading list, not a search."""


class RelatedArticles(Model):
    """The body of `GET /articles/{id}/related`: articles of other stories, most related first."""

    id: str
    articles: list[SearchHit]


def add_story_routes(app: APIGatewayRestResolver, store: StoreProvider) -> None:
    """Register the story routes on `app`."""

    @app.get(
        STORY_PATH,
        summary="Every version of one story (outlets' copies and articles on the same event)",
        responses={
            200: {"description": "The story, oldest version first", "content": {JSON_TYPE: {"model": Story}}},
            400: error_doc("`id` is not a story id (32 lower-case hex digits) or `size` is out of range"),
            404: error_doc("No live article belongs to this story"),
            503: UNAVAILABLE_DOC,
        },
    )
    def story(
        *,
        id: Annotated[
            str,
            Path(
                pattern=ARTICLE_ID_PATTERN,
                description="The story id (a hit's `story.id`, an article's `story`)",
            ),
        ],
        size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Versions to list")] = MAX_PAGE_SIZE,
    ) -> Response[str]:
        """The story's size and its versions, oldest first; 404 when it has none."""
        found = store().story(id, size)
        return not_found("story", id) if found is None else json_reply(HTTPStatus.OK, found)

    @app.get(
        RELATED_PATH,
        summary="Articles of other stories about the same actors, places and words",
        responses={
            200: {"description": "Related articles", "content": {JSON_TYPE: {"model": RelatedArticles}}},
            400: error_doc("`id` is not an article id or `size` is out of range"),
            404: error_doc("No live article has this id"),
            503: UNAVAILABLE_DOC,
        },
    )
    def related(
        *,
        id: ArticleId,
        size: Annotated[int, Query(ge=1, le=MAX_RELATED, description="Articles to return")] = 5,
    ) -> Response[str]:
        """Up to `size` articles of other stories, most related first; 404 for an unknown article."""
        article = store().get(id)
        if article is None:
            return not_found("article", id)
        return json_reply(HTTPStatus.OK, RelatedArticles(id=id, articles=store().related(article, size)))

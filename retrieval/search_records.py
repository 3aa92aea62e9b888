"""What a search is asked and what it finds: the records the index and its readers share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Query:
    """What a search looks for: a question's text and, apart, a standing topic.

    The topic is a few dozen labels of one incentive type, the same for every question
    on that type. The lexical ranking reads both; the dense one embeds the text and adds
    the topic's vector, embedded once per index, so a question does not pay to embed
    the labels again (they were two thirds of an English question's tokens).
    """

    text: str
    topic: str = ""

    @property
    def words(self) -> str:
        return f"{self.text} {self.topic}" if self.topic else self.text


class IndexMismatchError(Exception):
    """The saved index was built by another configuration."""


class IndexFormatError(ValueError):
    """The saved index has an older file format: rebuilt from the store, not refused."""


@dataclass(frozen=True, slots=True)
class Hit:
    provision_id: str
    score: float  # fused (reciprocal rank)
    dense_score: float  # cosine, 0 when the dense side did not find it
    lexical_score: float  # BM25, 0 when the lexical side did not find it
    dense_rank: int | None
    lexical_rank: int | None
    gloss_rank: int | None = None  # an English question's rank over the English glosses


def as_query(query: str | Query) -> Query:
    return query if isinstance(query, Query) else Query(query)

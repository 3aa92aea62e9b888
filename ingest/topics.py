"""Which places a paragraph, a section or the whole document is about.

A sentence whose clause names no holder is held by the place its paragraph opens
with, else the place its nearest heading names, else the document's own place.
"""

from __future__ import annotations

from policykg.ingest.clause_types import headings_above
from policykg.ingest.measures import Context, aspect_type, split_clauses, subject_regions
from policykg.ingest.models import MentionRole, Provision


def paragraph_topic(ctx: Context, first: Provision) -> tuple[str, ...]:
    """The regions a paragraph opens with own its sentences (浙江省建立…; 从2023年起，
    阜平县推行…: after a time or aspect lead)."""
    clauses = split_clauses(ctx.document.text, first.start, first.end)
    for start, end in clauses[:2]:
        if aspect_type(ctx, ctx.document.text[start:end]):
            continue
        if codes := subject_regions(ctx, start, end):
            return codes
    return ()


def section_topic(ctx: Context, provision: Provision) -> tuple[str, ...]:
    """Regions named in the nearest heading above the provision (对江苏…的启示); a region
    that receives (援疆 → 新疆) never holds what the heading's sender does."""
    for section in headings_above(ctx, provision):
        heading_end = section.start + len(section.path[-1])
        codes = [
            m.code
            for m in ctx.mentions
            if section.start <= m.start < heading_end and m.role is not MentionRole.RECEIVER
        ]
        if codes:
            return tuple(dict.fromkeys(codes))
    return ()


def document_topic(ctx: Context) -> tuple[str, ...]:
    """The places the whole document speaks for: its region, or an agreement's parties."""
    if ctx.parties:  # an agreement binds every party, not only the place it is filed under
        return ctx.parties.everyone
    code = ctx.document.meta.region_code
    return (code,) if code else ()

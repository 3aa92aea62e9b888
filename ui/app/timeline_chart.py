"""The timeline chart: first adoptions as an inline SVG, each point opening its citation.

One row per incentive type, a point per (region, measure) at its first date, undated
ones in a band of their own. A point is a link to its citation's panel below it,
shown by CSS ``:target`` alone, so the chart needs no script and fetches nothing.
All document text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from policykg.ingest.models import sha_id
from policykg.ingest.references import CiteStyle, reference
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.timeline import Adoption
from policykg.ui.app.views import type_colours, type_labels

# The chart's geometry, in SVG user units (the SVG scales to the width it is given).
WIDTH, LABEL_W, UNDATED_W, AXIS_H = 960, 190, 130, 28
STACK, STEP, RADIUS = 4, 12, 5  # points on one day: columns of four, 12 apart


@dataclass(frozen=True, slots=True)
class Point:
    """One adoption placed on the chart: its key (the citation panel's id) and position."""

    key: str
    adoption: Adoption
    x: float
    y: float


def event_key(adoption: Adoption) -> str:
    """A stable id for an event: the same event keeps its panel across filters."""
    return "pk-tl-" + sha_id(adoption.adcode, adoption.measure, adoption.citation.provision_id)


def point_title(adoption: Adoption) -> str:
    """What a point's tooltip says: region · measure · date."""
    return f"{adoption.region} · {adoption.measure} · {adoption.first_date or 'undated'}"


def timeline_html(rows: Sequence[Adoption]) -> str:
    """The SVG chart and, below it, one hidden citation panel per point (shown when clicked)."""
    if not rows:
        return '<p class="pk-empty">No adoptions match.</p>'
    points, svg = timeline_svg(rows)
    panels = "".join(_citation_panel(point) for point in points)
    hint = '<p class="pk-tl-hint pk-empty">Click a point to see its citation.</p>'
    return f'{svg}<div class="pk-tl-cites">{hint}{panels}</div>'


def _citation_panel(point: Point) -> str:
    cited = point.adoption.citation
    locator = f" {escaped(cited.locator)}" if cited.locator else ""
    return (
        f'<div class="pk-tl-cite" id="{point.key}"><div class="pk-cite-head">'
        f"{escaped(point_title(point.adoption))}</div><blockquote>{escaped(cited.quote)}</blockquote>"
        f"<div>《{escaped(cited.doc_title)}》{locator}</div>"
        f'<div class="pk-tl-ref"><small>{escaped(reference(cited, CiteStyle.LEGAL))}</small></div></div>'
    )


@dataclass(frozen=True, slots=True)
class Axis:
    """The chart's time axis: whole years from ``first_year`` to ``last_year`` (1 January)."""

    first_year: int
    last_year: int
    plot_right: float  # where dated points end; the undated band is right of it
    undated: bool

    def x(self, when: str | None) -> float:
        """The x of a date; an undated (or unreadable) one in the band at the right."""
        day = _day(when)
        if day is None:
            return self.plot_right + 24
        start = date(self.first_year, 1, 1)
        span = (date(self.last_year, 1, 1) - start).days
        return LABEL_W + 10 + (self.plot_right - LABEL_W - 20) * (day - start).days / span


def _day(when: str | None) -> date | None:
    """An ISO date, or a year or year-month taken as its first day; None if not a date."""
    if not when:
        return None
    parts = [*when[:10].split("-"), "01", "01"][:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def timeline_svg(rows: Sequence[Adoption]) -> tuple[list[Point], str]:
    """The chart: a row per incentive type, x the first date, undated at the right."""
    vocab = load_vocabulary()
    kinds = [code for code in vocab.codes if any(r.incentive_type == code for r in rows)]
    kinds += sorted({r.incentive_type for r in rows} - set(kinds))
    days = [d for r in rows if (d := _day(r.first_date))]
    undated = len(days) < len(rows)
    axis = Axis(
        first_year=min(days).year if days else date.today().year,
        last_year=(max(days).year if days else date.today().year) + 1,
        plot_right=WIDTH - (UNDATED_W if undated else 20),
        undated=undated,
    )
    points: list[Point] = []
    bands: list[tuple[str, int, int]] = []
    top = 0
    for code in kinds:
        placed, height = _stack([r for r in rows if r.incentive_type == code], axis, top)
        points += placed
        bands.append((code, top, height))
        top += height
    return points, _svg(points, bands, top, axis)


def _stack(members: Sequence[Adoption], axis: Axis, top: int) -> tuple[list[Point], int]:
    """Points of one row; those on one day stacked in columns of ``STACK``; the row's height."""
    groups: dict[str | None, list[Adoption]] = {}
    for adoption in members:
        key = adoption.first_date if _day(adoption.first_date) else None
        groups.setdefault(key, []).append(adoption)
    deepest = min(STACK, max(len(group) for group in groups.values()))
    points = [
        Point(
            event_key(a),
            a,
            axis.x(when) + (n // STACK) * STEP,
            top + 14 + (n % STACK) * STEP,
        )
        for when, group in groups.items()
        for n, a in enumerate(group)
    ]
    return points, 16 + deepest * STEP


def _svg(points: list[Point], bands: list[tuple[str, int, int]], height: int, axis: Axis) -> str:
    """The SVG markup: row labels and stripes, year lines, the undated band, the points."""
    labels, colours = type_labels(), type_colours()
    parts = []
    for n, (code, top, rows_h) in enumerate(bands):
        fill = "#f7f7f8" if n % 2 else "#ffffff"
        parts.append(f'<rect x="0" y="{top}" width="{WIDTH}" height="{rows_h}" fill="{fill}"/>')
        parts.append(
            f'<text x="6" y="{top + rows_h / 2 + 4:.0f}" font-size="12">'
            f"{escaped(labels.get(code, code).split(' ')[0])}</text>"
        )
    step = max(1, (axis.last_year - axis.first_year) // 10)  # at most about ten year lines
    for year in range(axis.first_year, axis.last_year + 1, step):
        x = axis.x(f"{year}-01-01")
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#ccc"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{height + 16}" font-size="11" text-anchor="middle">{year}</text>'
        )
    if axis.undated:
        parts.append(
            f'<text x="{axis.plot_right + 8}" y="{height + 16}" font-size="11">undated 无日期</text>'
        )
    for point in points:
        colour = colours.get(point.adoption.incentive_type, "#888888")
        parts.append(
            f'<a href="#{point.key}" class="pk-tl-point" data-event="{point.key}">'
            f"<title>{escaped(point_title(point.adoption))}</title>"
            f'<circle cx="{point.x:.1f}" cy="{point.y:.1f}" r="{RADIUS}" fill="{escaped(colour)}"/></a>'
        )
    total = height + AXIS_H
    return (
        f'<svg class="pk-tl-chart" viewBox="0 0 {WIDTH} {total}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Timeline of first adoptions">'
        f"{''.join(parts)}</svg>"
    )


def escaped(text: str) -> str:
    """Document text as HTML text (quotes too: it goes into attributes)."""
    return html.escape(text, quote=True)

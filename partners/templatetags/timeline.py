from django import template

from partners.timeline import NARROW_WIDTH, Span, lay_out

register = template.Library()


@register.inclusion_tag("partners/_timeline.html")
def timeline(events):
    """The SVG timeline of ``events`` (already loaded: no query), laid out twice: for wide
    screens and, with fewer year ticks, for phones (the stylesheet shows one of them)."""
    spans = [
        Span(
            key=event,
            first_day=event.date.first_day,
            last_day=(event.end or event.date).last_day,
            ranged=event.end is not None,
        )
        for event in events
    ]
    wide = lay_out(spans)
    if wide is None:
        return {"layouts": []}
    narrow = lay_out(spans, max_ticks=5, width=NARROW_WIDTH)
    return {"layouts": [("wide", wide), ("narrow", narrow)]}

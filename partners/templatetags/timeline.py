from django import template

from partners.timeline import Span, lay_out

register = template.Library()


@register.inclusion_tag("partners/_timeline.html")
def timeline(events):
    """The SVG timeline of ``events`` (already loaded: no query)."""
    spans = [
        Span(key=event, first_day=event.date.first_day, last_day=(event.end or event.date).last_day)
        for event in events
    ]
    return {"layout": lay_out(spans)}

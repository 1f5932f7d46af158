"""Plain-text rendering (console, command line)."""

from __future__ import annotations

from bot.domain import Analysis
from bot.render.card import Card, Reply


def render_analysis(analysis: Analysis) -> str:
    if not analysis.is_manager_rumour:
        return "Not a manager rumour."
    lines = ["Manager rumour", f"  summary:  {analysis.summary}"]
    lines.append(f"  managers: {', '.join(analysis.managers)}")
    lines.append(f"  clubs:    {', '.join(analysis.clubs)}")
    for claim in analysis.rumours:
        held = (
            claim.factuality.value if claim.what is claim.relation else f"{claim.factuality.value} {claim.what.value}"
        )
        interim = ", caretaker" if claim.caretaker else ""
        how = f"{held}{interim}; confidence {claim.confidence:.2f}"
        lines.append(f"  - {claim.manager} → {claim.club}: {claim.relation.value} ({how})")
        lines.append(f"      “{claim.evidence}”")
    for source in analysis.sources:
        via = f", via {source.relayed_by}" if source.relayed_by else ""
        lines.append(f"  source:   {source.name} (tier {int(source.tier)}{via})")
    return "\n".join(lines)


def render_card(card: Card) -> str:
    lines = [card.title]
    if card.body:
        lines.append(card.body)
    lines.extend(f"{name}: {value}" for name, value in card.fields)
    lines.extend(f"• {link.label}: {link.url}" for link in card.links)
    if card.footer:
        lines.append(card.footer)
    return "\n".join(lines)


def render_reply(reply: Reply) -> str:
    parts = [reply.text] if reply.text else []
    parts.extend(render_card(card) for card in reply.cards)
    return "\n\n".join(parts)

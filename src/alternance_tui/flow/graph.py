"""The decision tree of a flow as Mermaid or Graphviz dot text."""

from __future__ import annotations

from alternance_tui.flow.model import Flow, tr


def _label(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")


def render_graph(flow: Flow, fmt: str = "mermaid", lang: str = "en") -> str:
    lines: list[str] = []
    if fmt == "dot":
        lines.append(f'digraph "{flow.id}" {{')
        lines.append("  rankdir=TB; node [fontname=Helvetica];")
        for question in flow.questions.values():
            lines.append(
                f'  {question.id} [shape=box, label="{_label(tr(question.short, lang))}"];'
            )
        for outcome in flow.outcomes.values():
            lines.append(
                f"  {outcome.id} [shape=ellipse, style=bold, "
                f'label="{_label(tr(outcome.title, lang))}"];'
            )
        for question in flow.questions.values():
            for rule in question.next:
                condition = f' [label="{_label(rule.when.source)}"]' if rule.when else ""
                lines.append(f"  {question.id} -> {rule.goto}{condition};")
        lines.append("}")
        return "\n".join(lines) + "\n"
    lines.append("flowchart TD")
    for question in flow.questions.values():
        lines.append(f'  {question.id}["{_label(tr(question.short, lang))}"]')
    for outcome in flow.outcomes.values():
        lines.append(f'  {outcome.id}(["{_label(tr(outcome.title, lang))}"])')
    for question in flow.questions.values():
        for rule in question.next:
            if rule.when:
                lines.append(f'  {question.id} -->|"{_label(rule.when.source)}"| {rule.goto}')
            else:
                lines.append(f"  {question.id} --> {rule.goto}")
    return "\n".join(lines) + "\n"

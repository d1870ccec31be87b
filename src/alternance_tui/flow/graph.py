"""The decision tree of a flow as Mermaid or Graphviz dot text."""

from __future__ import annotations

from alternance_tui.flow.model import Flow, tr

# Words Mermaid reads as keywords where a node id stands ("end" closes a
# subgraph): such ids are written with a capital, which no flow id has.
_MERMAID_KEYWORDS = frozenset(
    {
        "end",
        "graph",
        "flowchart",
        "subgraph",
        "style",
        "class",
        "classdef",
        "click",
        "call",
        "href",
        "default",
        "direction",
        "linkstyle",
        "interpolate",
    }
)


def _label(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")


def _dot_text(text: str) -> str:
    return _label(text).replace("\\", "\\\\")


def _mermaid_id(node_id: str) -> str:
    return node_id.capitalize() if node_id in _MERMAID_KEYWORDS else node_id


def render_graph(flow: Flow, fmt: str = "mermaid", lang: str = "en") -> str:
    lines: list[str] = []
    if fmt == "dot":
        # Ids are quoted: "node", "edge" or "graph" are keywords of dot.
        lines.append(f'digraph "{flow.id}" {{')
        lines.append("  rankdir=TB; node [fontname=Helvetica];")
        for question in flow.questions.values():
            lines.append(
                f'  "{question.id}" [shape=box, label="{_dot_text(tr(question.short, lang))}"];'
            )
        for outcome in flow.outcomes.values():
            lines.append(
                f'  "{outcome.id}" [shape=ellipse, style=bold, '
                f'label="{_dot_text(tr(outcome.title, lang))}"];'
            )
        for question in flow.questions.values():
            for rule in question.next:
                condition = f' [label="{_dot_text(rule.when.source)}"]' if rule.when else ""
                lines.append(f'  "{question.id}" -> "{rule.goto}"{condition};')
        lines.append("}")
        return "\n".join(lines) + "\n"
    lines.append("flowchart TD")
    for question in flow.questions.values():
        lines.append(f'  {_mermaid_id(question.id)}["{_label(tr(question.short, lang))}"]')
    for outcome in flow.outcomes.values():
        lines.append(f'  {_mermaid_id(outcome.id)}(["{_label(tr(outcome.title, lang))}"])')
    for question in flow.questions.values():
        source = _mermaid_id(question.id)
        for rule in question.next:
            target = _mermaid_id(rule.goto)
            if rule.when:
                lines.append(f'  {source} -->|"{_label(rule.when.source)}"| {target}')
            else:
                lines.append(f"  {source} --> {target}")
    return "\n".join(lines) + "\n"

"""The detail pane's grid draws what rich's Table.grid drew (labels dim, values wrapping beside them), cell for cell."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table
from rich.text import Text

from curator.tui.widgets.fact_detail import FactGrid

LABELS = ["Statement", "Subject", "Value", "Kind", "Words", "Sources", "Status", "Id", "Note"]
WORDS = ["SoftBank", "and", "$6.7", "billion", "日本政府", "支持", "a", "averyveryverylongwordwithoutanyspaceatall", "—", "“quoted”", "(USD)", ""]


def _cells(renderable: object, width: int) -> list[list[tuple[str, bool, bool]]]:
    """Each line's characters with (bold, dim); a blank's style is not seen on screen, so it is left out."""
    console = Console(width=width, color_system="truecolor", force_terminal=True)
    lines = console.render_lines(renderable, console.options.update_width(width), pad=True)
    return [
        [(ch, ch != " " and bool(seg.style and seg.style.bold), ch != " " and bool(seg.style and seg.style.dim))
         for seg in line for ch in seg.text]
        for line in lines
    ]


def _rows(pairs: list[tuple[str, str]]) -> list[tuple[Text, Text]]:
    return [(Text(label), Text(value, style="bold" if label == "Statement" else "")) for label, value in pairs]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(LABELS), st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)), min_size=1, max_size=8),
    st.integers(min_value=14, max_value=90),
)
def test_the_grid_draws_what_a_rich_table_grid_drew(pairs: list[tuple[str, str]], width: int) -> None:
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(style="dim", no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for label, value in _rows(pairs):
        table.add_row(label, value)
    assert _cells(FactGrid(_rows(pairs)), width) == _cells(table, width)


def test_a_long_value_wraps_under_itself_and_its_label_is_dim() -> None:
    lines = _cells(FactGrid(_rows([("Sources", "Told by 3 articles (Reuters, CNN, NHK)")])), 30)
    assert ["".join(ch for ch, _, _ in line).rstrip() for line in lines] == [
        "Sources Told by 3 articles", "        (Reuters, CNN, NHK)",
    ]
    assert all(dim for ch, _, dim in lines[0][:7])

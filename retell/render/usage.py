"""What runs cost, from the store's usage rows: tokens and model seconds summed by day,
backend or feed (the input an article came through)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from retell.config import Price

Grouping = Literal["day", "backend", "feed"]
Row = tuple[float, str, str, str, int, int, float]


@dataclass
class Total:
    """The cost of one group: calls, tokens and model seconds."""

    group: str
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    #: What the priced calls cost (prices per backend from retell.toml); unpriced count 0.
    cost: float = 0.0
    unpriced: int = 0

    @property
    def tokens(self) -> int:
        """Prompt and completion tokens together."""
        return self.prompt_tokens + self.completion_tokens

    def add(self, row: Row, price: Price | None) -> None:
        """Count one usage row in, at its backend's price when there is one."""
        self.calls += 1
        self.prompt_tokens += row[4]
        self.completion_tokens += row[5]
        self.seconds += row[6]
        if price is None:
            self.unpriced += 1
        else:
            self.cost += price.cost(row[4], row[5])


def _group(row: Row, by: Grouping) -> str:
    """The group a row falls in."""
    if by == "day":
        return dt.datetime.fromtimestamp(row[0], tz=dt.UTC).date().isoformat()
    return row[2] if by == "backend" else row[3]


def totals(
    rows: Sequence[Row], by: Grouping, prices: Mapping[str, Price] | None = None
) -> list[Total]:
    """The rows summed per group, in the groups' order, and a last total over them all."""
    prices = prices or {}
    groups: dict[str, Total] = {}
    overall = Total("total")
    for row in rows:
        price = prices.get(row[2])
        groups.setdefault(_group(row, by), Total(_group(row, by))).add(row, price)
        overall.add(row, price)
    return [*(groups[name] for name in sorted(groups)), overall]


def usage_text(found: list[Total], by: Grouping, *, priced: bool = False) -> str:
    """The totals as an aligned table, with a cost column when prices are configured (a
    cost marked + leaves out calls on backends without a price)."""
    width = max([len(by), *(len(total.group) for total in found)])
    head = f"{by:<{width}}  {'calls':>6}  {'prompt':>10}  {'completion':>10}  {'tokens':>10}"
    lines = [head + f"  {'model s':>9}" + (f"  {'cost':>10}" if priced else "")]
    for total in found:
        line = (
            f"{total.group:<{width}}  {total.calls:>6}  {total.prompt_tokens:>10,}  "
            f"{total.completion_tokens:>10,}  {total.tokens:>10,}  {total.seconds:>9.1f}"
        )
        if priced:
            line += f"  {total.cost:>10.4f}" + ("+" if total.unpriced else "")
        lines.append(line)
    return "\n".join(lines) + "\n"


def usage_json(found: list[Total]) -> str:
    """The totals as JSON, one object per group, the overall total last."""
    records = [{**asdict(total), "tokens": total.tokens} for total in found]
    return json.dumps(records, indent=2) + "\n"

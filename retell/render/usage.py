"""What runs cost, from the store's usage rows: tokens and model seconds summed by day,
backend or feed (the input an article came through)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

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

    @property
    def tokens(self) -> int:
        """Prompt and completion tokens together."""
        return self.prompt_tokens + self.completion_tokens

    def add(self, row: Row) -> None:
        """Count one usage row in."""
        self.calls += 1
        self.prompt_tokens += row[4]
        self.completion_tokens += row[5]
        self.seconds += row[6]


def _group(row: Row, by: Grouping) -> str:
    """The group a row falls in."""
    if by == "day":
        return dt.datetime.fromtimestamp(row[0], tz=dt.UTC).date().isoformat()
    return row[2] if by == "backend" else row[3]


def totals(rows: Sequence[Row], by: Grouping) -> list[Total]:
    """The rows summed per group, in the groups' order, and a last total over them all."""
    groups: dict[str, Total] = {}
    overall = Total("total")
    for row in rows:
        groups.setdefault(_group(row, by), Total(_group(row, by))).add(row)
        overall.add(row)
    return [*(groups[name] for name in sorted(groups)), overall]


def usage_text(found: list[Total], by: Grouping) -> str:
    """The totals as an aligned table."""
    width = max([len(by), *(len(total.group) for total in found)])
    lines = [f"{by:<{width}}  {'calls':>6}  {'prompt':>10}  {'completion':>10}  "
             f"{'tokens':>10}  {'model s':>9}"]  # fmt: skip
    for total in found:
        lines.append(
            f"{total.group:<{width}}  {total.calls:>6}  {total.prompt_tokens:>10,}  "
            f"{total.completion_tokens:>10,}  {total.tokens:>10,}  {total.seconds:>9.1f}"
        )
    return "\n".join(lines) + "\n"


def usage_json(found: list[Total]) -> str:
    """The totals as JSON, one object per group, the overall total last."""
    records = [{**asdict(total), "tokens": total.tokens} for total in found]
    return json.dumps(records, indent=2) + "\n"

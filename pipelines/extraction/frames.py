"""Frame operations the rules share, written for rows that come in article and text order.

Every rule works on frames keyed by `doc` (the article's row number) and a character position.
With the article as the high digits, (doc, position) is one sorted integer, so "the nearest
row before or after" is a merge of two one-column frames of those integers instead of a sort
of the whole frame and a `join_asof` by article, and the frame keeps its order.
"""

from __future__ import annotations

import polars as pl

# Positions are character offsets in one article; articles are far shorter than 2^32.
_POSITION_BITS = 32


def global_position(position: pl.Expr) -> pl.Expr:
    """(doc, position) as one integer that sorts by article, then position."""
    return pl.col("doc").cast(pl.Int64) * 2**_POSITION_BITS + position.cast(pl.Int64)


# On rows that keep each group together (sorted by it), per-group values come from shifts and
# running totals: `.over(group)` with a running total or a range hashes the group key and costs
# ten times as much. `value` must have no nulls.

def group_first(value: pl.Expr, group: pl.Expr) -> pl.Expr:
    """`value` at the first row of each row's group."""
    return pl.when(group.ne_missing(group.shift(1))).then(value).forward_fill()


def since_group_start(value: pl.Expr, group: pl.Expr) -> pl.Expr:
    """`value` less its value at the first row of the group (a running count or offset)."""
    return value - group_first(value, group)


def rank_in_group(group: pl.Expr) -> pl.Expr:
    """0, 1, 2… within each group, in row order."""
    return since_group_start(pl.int_range(pl.len(), dtype=pl.Int64), group)


def running_total_in_group(value: pl.Expr, group: pl.Expr) -> pl.Expr:
    """The running total of `value` within each group, this row included."""
    return since_group_start(value.cum_sum() - value, group) + value


def join_nearest(
    frame: pl.DataFrame, other: pl.DataFrame, on: str, other_on: str, *, by: tuple[str, ...] = ("doc",),
    forward: bool = False, inclusive: bool = True,
) -> pl.DataFrame:
    """`frame` with the columns of the nearest row of `other` in the same article: the last
    one whose `other_on` is at or before (`inclusive`) or strictly before `on`, or with
    `forward` the first one at or after (strictly after); nulls when there is none.

    The same result as `join_asof` by `by`, provided the columns of `by` after `doc` (a
    sentence or paragraph number) never decrease along an article's positions: then the
    nearest row of the article is in the same group, or no row of the group qualifies.
    Among rows of `other` with equal positions, the last (backward) or first (forward) wins.
    `other` may come in any order; `frame` keeps its order.
    """
    other, keys = _in_position_order(other, other_on)
    probes = frame.select(global_position(pl.col(on)))[:, 0]
    found = pl.lit(_nearest_index(probes, keys, forward=forward, inclusive=inclusive))
    same_group = pl.all_horizontal(pl.lit(other[column]).gather(found) == pl.col(column) for column in by)
    index = frame.select(pl.when(same_group).then(found))[:, 0]
    return frame.hstack(other.select(pl.exclude(by).gather(pl.lit(index))))


def join_within(frame: pl.DataFrame, other: pl.DataFrame, on: str, other_on: str, reach: int) -> pl.DataFrame:
    """Pairs of a row of `frame` and a row of `other` of the same article whose `other_on` lies
    in [`on`, `on` + `reach`]: an inner join by article filtered on distance, without forming
    every pair of the article first."""
    other, keys = _in_position_order(other, other_on)
    first = _nearest_index(frame.select(global_position(pl.col(on)))[:, 0], keys, forward=True, inclusive=True)
    last = _nearest_index(frame.select(global_position(pl.col(on) + reach))[:, 0], keys, forward=False, inclusive=True)
    pairs = frame.with_columns(pl.int_ranges(pl.lit(first), pl.lit(last) + 1, dtype=pl.Int64).alias("_other")).explode("_other")
    pairs = pairs.filter(pl.col("_other").is_not_null())
    return pairs.drop("_other").hstack(other.select(pl.exclude("doc").gather(pairs["_other"])))


def _nearest_index(probes: pl.Series, keys: pl.Series, *, forward: bool, inclusive: bool) -> pl.Series:
    """For each probe, the index of the nearest of the sorted `keys` at or before it (or after
    it with `forward`; strictly with `inclusive=False`), null when none: a sorted merge
    (`join_asof` of two one-column frames), several times faster than a binary search each."""
    left = pl.DataFrame({"_key": probes}).with_row_index("_row")
    in_order = probes.is_sorted()
    if not in_order:
        left = left.sort("_key")
    found = left.join_asof(
        pl.DataFrame({"_key": keys}).with_row_index("_found"), on="_key", strategy="forward" if forward else "backward",
        allow_exact_matches=inclusive, check_sortedness=False,
    )
    if not in_order:
        found = found.sort("_row")
    return found["_found"].cast(pl.Int64)


def _in_position_order(frame: pl.DataFrame, position: str) -> tuple[pl.DataFrame, pl.Series]:
    """The frame sorted by (doc, position), and that key (rows often come sorted already)."""
    keys = frame.select(global_position(pl.col(position)))[:, 0]
    if keys.is_sorted():
        return frame, keys
    order = keys.arg_sort()
    return frame[order], keys.gather(order)


def with_texts(frame: pl.DataFrame, prepared: pl.DataFrame, *columns: str) -> pl.DataFrame:
    """`frame` with the named texts (`low`, `norm`, `text`) of each row's article: `doc` is the
    article's row number in `prepared`, so this is a gather, not a join."""
    return frame.with_columns(prepared[column].gather(frame["doc"]) for column in columns)

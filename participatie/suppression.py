"""Which survey figures may be shown: small groups and small cells are hidden, and so are as many more
figures as it takes that no hidden one can be worked out by subtracting shown ones.

A table has one row per group (a school, an age band, "no group given"), one column per answer, and
counts in the cells; each row adds up to the group's number of respondents, each column to the figure
for everyone. The rules:

* a question answered by fewer than the run's minimum shows nothing;
* a group smaller than the minimum is hidden whole; if one group is hidden, or the hidden groups
  together are smaller than the minimum, the next smallest group is hidden too;
* a cell below 5, or whose complement in its row is below 5, is hidden (so no 0 % or 100 % for a
  small number of respondents);
* then an attacker's search is run on the table, solving every row and column that has a single
  unknown (and every line whose unknowns must all be 0), again and again; as long as it finds a hidden
  figure, one more cell on the line that gave it away is hidden.
"""

from dataclasses import dataclass, field

SMALLEST_CELL = 5


@dataclass
class Line:
    """counts[i] and hidden[i] per answer; size is the line's total number of respondents."""

    size: int
    counts: list[int]
    hidden: list[bool] = field(default_factory=list)


@dataclass
class Protected:
    overall: Line | None  # None: too few answered to show anything
    groups: dict = field(default_factory=dict)  # group key -> Line, or None for a hidden group


def protect(overall_counts: list[int], group_counts: dict, min_group: int) -> Protected:
    """group_counts maps each group key (including the respondents who gave no group) to its counts."""
    size = sum(overall_counts)
    if size < min_group:
        return Protected(None, {key: None for key in group_counts})
    overall = Line(size, list(overall_counts), _small_cells(size, overall_counts))
    _protect_alone(overall)
    groups = hidden_groups({key: sum(counts) for key, counts in group_counts.items()}, min_group)
    shown = [key for key in group_counts if key not in groups]
    if len(shown) < 2:  # no breakdown with fewer than two groups to compare
        return Protected(overall, {key: None for key in group_counts})
    lines = {key: Line(sum(group_counts[key]), list(group_counts[key]), _small_cells(sum(group_counts[key]), group_counts[key]))
             for key in shown}
    while True:
        leak = _find_leak(overall, lines, has_rest=bool(groups))
        if leak is None:
            break
        key, index = leak
        if key is None:  # nothing left to hide on that line: hide the smallest shown group instead
            smallest = min(lines, key=lambda k: lines[k].size)
            del lines[smallest]
            groups[smallest] = True
            if len(lines) < 2:
                return Protected(overall, {key: None for key in group_counts})
            continue
        lines[key].hidden[index] = True
    return Protected(overall, {key: lines.get(key) for key in group_counts})


def _small_cells(size: int, counts: list[int]) -> list[bool]:
    return [count < SMALLEST_CELL or size - count < SMALLEST_CELL for count in counts]


def _protect_alone(line: Line) -> None:
    """On a single line, a lone hidden cell (or hidden cells that must all be 0) is given away by the total."""
    while True:
        hidden = [i for i, is_hidden in enumerate(line.hidden) if is_hidden]
        shown = [i for i, is_hidden in enumerate(line.hidden) if not is_hidden]
        if not hidden or not shown or (len(hidden) > 1 and sum(line.counts[i] for i in hidden) > 0):
            return
        line.hidden[min(shown, key=lambda i: line.counts[i])] = True


def hidden_groups(sizes: dict, min_group: int) -> dict:
    hidden = {key: True for key, size in sizes.items() if size < min_group}
    while hidden and (len(hidden) == 1 or sum(sizes[key] for key in hidden) < min_group):
        shown = [key for key in sizes if key not in hidden]
        if not shown:
            break
        hidden[min(shown, key=lambda key: sizes[key])] = True
    return hidden


def _find_leak(overall: Line, lines: dict, has_rest: bool):
    """Run the attack; return (group key, answer index) of a shown cell to hide next, (None, None) when the
    leaking line has no shown cell left, or None when nothing hidden can be worked out."""
    width = len(overall.counts)
    known = {}
    for key, line in lines.items():
        for i in range(width):
            if not line.hidden[i]:
                known[(key, i)] = line.counts[i]
    for i in range(width):
        if not overall.hidden[i]:
            known[("all", i)] = overall.counts[i]
    rest_size = overall.size - sum(line.size for line in lines.values())
    equations = []  # (terms [(variable, sign)], total)
    for key, line in lines.items():
        equations.append(([((key, i), 1) for i in range(width)], line.size))
    if has_rest:
        equations.append(([(("rest", i), 1) for i in range(width)], rest_size))
    for i in range(width):
        terms = [((key, i), 1) for key in lines] + [(("all", i), -1)]
        if has_rest:
            terms.append((("rest", i), 1))
        equations.append((terms, 0))
    equations.append(([(("all", i), 1) for i in range(width)], overall.size))

    def value(variable):
        key, i = variable
        if key == "all":
            return overall.counts[i]
        if key == "rest":
            return overall.counts[i] - sum(line.counts[i] for line in lines.values())
        return lines[key].counts[i]

    progress = True
    while progress:
        progress = False
        for terms, total in equations:
            unknown = [(variable, sign) for variable, sign in terms if variable not in known]
            if not unknown:
                continue
            remaining = total - sum(sign * known[variable] for variable, sign in terms if variable in known)
            same_sign = len({sign for _variable, sign in unknown}) == 1
            if len(unknown) == 1 or (same_sign and remaining == 0):
                for variable, _sign in unknown:
                    known[variable] = value(variable)
                    # A rest of 0 tells that every hidden group had 0 there.
                    if variable[0] != "rest" or known[variable] == 0:
                        return _cell_to_hide(terms, lines)
                progress = True
    return None


def _cell_to_hide(terms, lines):
    candidates = [(lines[key].counts[i], key, i) for (key, i), _sign in terms
                  if key in lines and not lines[key].hidden[i]]
    if not candidates:
        return None, None
    _count, key, i = min(candidates, key=lambda candidate: candidate[0])
    return key, i

"""Every rule of small-group suppression, and an attacker who tries to work hidden figures out by subtraction."""

import random

import pytest

from participatie.suppression import protect

MIN = 10


def shown(line):
    return [None if hidden else count for count, hidden in zip(line.counts, line.hidden)]


def recover(result, width):
    """An attacker's view: only the published figures, every row and column equation, solved again and
    again wherever one unknown is left or all unknowns must be 0. Returns the hidden figures it found."""
    groups = result.groups
    known, hidden = {}, {}
    total = result.overall.size
    for i, count in enumerate(result.overall.counts):
        (hidden if result.overall.hidden[i] else known)[("all", i)] = count
    equations = [([(("all", i), 1) for i in range(width)], total)]
    size_terms = []
    for key, line in groups.items():
        size_terms.append(((key, "size"), 1))
        if line is None:
            hidden[(key, "size")] = None  # the true value is not passed to the attacker
        else:
            known[(key, "size")] = line.size
        equations.append(([((key, i), 1) for i in range(width)] + [((key, "size"), -1)], 0))
        for i in range(width):
            if line is None:
                hidden[(key, i)] = None
            elif line.hidden[i]:
                hidden[(key, i)] = line.counts[i]
            else:
                known[(key, i)] = line.counts[i]
    equations.append((size_terms, total))
    for i in range(width):
        equations.append(([((key, i), 1) for key in groups] + [(("all", i), -1)], 0))
    found = {}
    progress = True
    while progress:
        progress = False
        for terms, constant in equations:
            unknown = [(variable, sign) for variable, sign in terms if variable not in known]
            if not unknown:
                continue
            rest = constant - sum(sign * known[variable] for variable, sign in terms if variable in known)
            if len(unknown) == 1:
                variable, sign = unknown[0]
                known[variable] = found[variable] = rest * sign
                progress = True
            elif rest == 0 and len({sign for _v, sign in unknown}) == 1:
                for variable, _sign in unknown:
                    known[variable] = found[variable] = 0
                progress = True
    return {variable: value for variable, value in found.items() if variable in hidden}


def test_a_question_answered_by_fewer_than_the_minimum_shows_nothing():
    result = protect([4, 5], {"a": [4, 5]}, MIN)
    assert result.overall is None
    assert result.groups == {"a": None}


def test_a_group_below_the_minimum_is_hidden_whole_and_a_second_group_with_it():
    result = protect([30, 31, 25], {"a": [10, 10, 10], "b": [10, 10, 10], "c": [8, 8, 4], "d": [2, 3, 1]}, MIN)
    assert result.groups["d"] is None, "6 respondents is below the minimum of 10"
    assert result.groups["c"] is None, "a lone hidden group would follow from the total"
    assert result.groups["a"] is not None and result.groups["b"] is not None


def test_hidden_groups_stay_hidden_until_together_they_reach_the_minimum():
    groups = {"a": [10, 10, 10], "b": [10, 10, 10], "c": [5, 5, 2], "d": [2, 2, 1], "e": [1, 1, 1]}
    result = protect([28, 28, 24], groups, MIN)
    assert result.groups["d"] is None and result.groups["e"] is None
    assert result.groups["c"] is None, "d and e together have 8 respondents: c, the next smallest, goes too"
    assert result.groups["a"] is not None and result.groups["b"] is not None


def test_two_small_groups_that_together_reach_the_minimum_protect_each_other():
    groups = {"a": [10, 10, 10], "b": [10, 10, 10], "c": [5, 5, 2], "d": [2, 2, 1], "e": [3, 3, 1]}
    result = protect([30, 30, 24], groups, MIN)
    assert result.groups["d"] is None and result.groups["e"] is None
    assert result.groups["c"] is not None


def test_a_breakdown_with_a_single_group_left_is_not_shown():
    result = protect([15, 15], {"a": [14, 14], "b": [1, 1]}, MIN)
    assert result.overall is not None
    assert result.groups == {"a": None, "b": None}


def test_cells_below_five_and_with_a_complement_below_five_are_hidden():
    result = protect([3, 27], {}, MIN)
    assert result.overall.hidden == [True, True], "3 is below 5, and 27 is 30 minus 3"
    result = protect([20, 20, 2], {}, MIN)
    assert shown(result.overall).count(None) >= 2


def test_no_zero_or_hundred_percent_for_a_small_group():
    result = protect([0, 12, 30], {"a": [0, 12, 0], "b": [0, 0, 30]}, MIN)
    for line in [result.overall, *result.groups.values()]:
        for count, hidden in zip(line.counts, line.hidden):
            if not hidden:
                assert 0 < count < line.size


def test_a_hidden_cell_cannot_be_worked_out_from_its_row_or_column():
    # a's first cell (3) is small; its row total (15) and its column total (20) would give it away.
    result = protect([20, 30], {"a": [3, 12], "b": [17, 18]}, MIN)
    assert result.groups["a"].hidden == [True, True]
    assert result.groups["b"].hidden == [True, True]
    assert recover(result, 2) == {}


def test_the_attacker_finds_what_primary_suppression_alone_would_leave_open():
    """The test's attacker is not a tautology: it finds the leak in a table with primary suppression only."""
    result = protect([20, 30], {"a": [3, 12], "b": [17, 18]}, MIN)
    result.groups["a"].hidden = [True, False]
    result.groups["b"].hidden = [False, False]
    assert recover(result, 2) == {("a", 0): 3}


@pytest.mark.parametrize("seed", range(500))
def test_random_tables_keep_every_rule_and_give_nothing_away(seed):
    rng = random.Random(seed)
    width = rng.randint(2, 5)
    groups = {}
    for key in range(rng.randint(2, 6)):
        size = rng.choice([0, 1, 3, 4, 6, 9, 12, 20, 35, 60])
        weights = [rng.random() for _ in range(width)]
        counts = [0] * width
        for _ in range(size):
            counts[rng.choices(range(width), weights)[0]] += 1
        groups[key] = counts
    overall = [sum(counts[i] for counts in groups.values()) for i in range(width)]
    result = protect(overall, groups, MIN)
    if result.overall is None:
        assert sum(overall) < MIN
        return
    lines = [result.overall] + [line for line in result.groups.values() if line is not None]
    for line in lines:
        assert line.size >= MIN
        for count, hidden in zip(line.counts, line.hidden):
            assert hidden or (count >= 5 and line.size - count >= 5)
    hidden_groups = [key for key, line in result.groups.items() if line is None]
    if hidden_groups and any(line is not None for line in result.groups.values()):
        assert len(hidden_groups) >= 2
        assert sum(sum(groups[key]) for key in hidden_groups) >= MIN
    assert recover(result, width) == {}

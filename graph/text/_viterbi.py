"""jieba's part-of-speech Viterbi decoding, same answers in fewer steps.

``jieba.posseg`` tags a run of characters its dictionary does not know with an
HMM over (position, tag) states. Its decoder scores every state of a character
against every state of the character before, although most pairs have no
transition at all, and that comparison was the costliest step of finding
mentions (company names are such runs). :func:`posseg_viterbi` takes the same
tables and returns the same ``(probability, route)``:

* each state is scored only against the states that can precede it (the
  transition table read backwards, built once); the scores are added in
  jieba's order, so every float is the same;
* when none of those scores more than minus infinity, jieba's full comparison
  is made instead, so even its choice among minus-infinity scores is kept;
* the states reachable from a set of states are memoised, as the same sets
  recur from character to character.

:func:`graph.text.segment.load_jieba` installs it in ``jieba.posseg``.
"""

from __future__ import annotations

__all__ = ["posseg_viterbi"]

_MIN_FLOAT = -3.14e100  # jieba's score of an emission its tables lack
_MIN_INF = float("-inf")  # and of a transition they lack
_MEMO_LIMIT = 50_000  # reachable-state sets kept before the memo starts over

# per transition table (by identity, the table kept alongside): its predecessor map; its reachable-set memo
_PREDECESSORS: dict[int, tuple[dict, dict]] = {}
_SUCCESSORS: dict[int, tuple[dict, dict]] = {}



def _predecessors(trans_p: dict) -> dict:
    """state -> {previous state: transition log-probability}: ``trans_p`` read backwards, built once per table."""
    cached = _PREDECESSORS.get(id(trans_p))
    if cached is not None and cached[0] is trans_p:
        return cached[1]
    into: dict = {}
    for y0, nexts in trans_p.items():
        for y, p in nexts.items():
            into.setdefault(y, {})[y0] = p
    _PREDECESSORS[id(trans_p)] = (trans_p, into)
    return into


def _successors(trans_p: dict, prev: frozenset) -> frozenset:
    """The states some state of ``prev`` can move to (memoised: the same sets recur from character to character)."""
    cached = _SUCCESSORS.get(id(trans_p))
    if cached is None or cached[0] is not trans_p:
        cached = _SUCCESSORS[id(trans_p)] = (trans_p, {})
    memo = cached[1]
    out = memo.get(prev)
    if out is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        out = memo[prev] = frozenset(y for x in prev for y in trans_p[x])
    return out


def _best_predecessor(prev_v: dict, prev_states: list, into_y: dict, trans_p: dict, y: object, emit: float) -> tuple:
    """``(score, state)`` of the best state before ``y``, as jieba's ``max`` over every previous state finds it.

    Only states with a transition into ``y`` can score above minus infinity, so
    those are compared; when none of them does, jieba's full comparison
    (minus-infinity scores, where the greatest state wins) is made instead.
    """
    best = None
    if len(into_y) < len(prev_states):
        candidates = [y0 for y0 in into_y if y0 in prev_v]
    else:
        candidates = [y0 for y0 in prev_states if y0 in into_y]
    for y0 in candidates:
        cand = (prev_v[y0] + into_y[y0] + emit, y0)
        if best is None or cand > best:
            best = cand
    if best is None or best[0] == _MIN_INF:
        best = max((prev_v[y0] + trans_p[y0].get(y, _MIN_INF) + emit, y0) for y0 in prev_states)
    return best


def posseg_viterbi(obs: str, states: dict, start_p: dict, trans_p: dict, emit_p: dict) -> tuple[float, list]:
    """jieba.posseg's Viterbi decoding of ``obs``: the same ``(probability, route)`` from the same tables.

    Examples
    --------
    >>> import importlib
    >>> from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    >>> jiebas = importlib.import_module("jieba.posseg.viterbi").viterbi
    >>> args = ("天之衡量子", char_state_tab_P, start_P, trans_P, emit_P)
    >>> posseg_viterbi(*args) == jiebas(*args)
    True
    """
    into = _predecessors(trans_p)
    all_states = trans_p.keys()
    v = {}
    path: list[dict] = [{}]
    for y in states.get(obs[0], all_states):
        v[y] = start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT)
        path[0][y] = ""
    for t in range(1, len(obs)):
        prev_states = [x for x in path[t - 1] if len(trans_p[x]) > 0]
        expected = _successors(trans_p, frozenset(prev_states))
        now = set(states.get(obs[t], all_states)) & expected
        if not now:
            now = expected if expected else all_states
        step_v = {}
        step_path = {}
        for y in now:
            emit = emit_p[y].get(obs[t], _MIN_FLOAT)
            step_v[y], step_path[y] = _best_predecessor(v, prev_states, into.get(y, {}), trans_p, y, emit)
        v = step_v
        path.append(step_path)
    prob, state = max((v[y], y) for y in path[-1])
    route: list = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = path[i][state]
    return prob, route

"""Shared fixtures: the bundled article's build is made once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def built():
    from graph import api

    return api.build()


@pytest.fixture(scope="session")
def union(built):
    from graph.export import union_graph

    return union_graph(built.dataset)

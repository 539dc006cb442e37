"""Shared fixtures and paths: the bundled article's build (made once per
session), its union graph, and one headless Chromium per test module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

#: The repository's root folder (tests/..).
ROOT = Path(__file__).resolve().parents[1]

#: Debian's Chromium, started the way this machine allows (no sandbox, no background network).
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="session")
def built():
    from graph import api

    return api.build()


@pytest.fixture(scope="session")
def union(built):
    from graph.rdf.files import union_graph

    return union_graph(built.dataset)


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium driven by Playwright, with a fresh temporary profile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()

"""The UI ships whole in the package and never turns text into markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from selon.api.app import STATIC

OWN_SCRIPTS = [STATIC / "app.js"]


@pytest.mark.parametrize("script", OWN_SCRIPTS, ids=lambda p: p.name)
def test_ui_builds_pages_without_html_strings(script: Path):
    code = re.sub(r"/\*.*?\*/", "", script.read_text(encoding="utf-8"), flags=re.S)
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
    ):
        assert sink not in code, sink


def test_ui_assets_are_all_local():
    index = (STATIC / "index.html").read_text(encoding="utf-8")
    for ref in re.findall(r'(?:src|href)="([^"]+)"', index):
        assert not ref.startswith(("http:", "https:", "//")), ref
        if ref.startswith("/static/"):
            assert (STATIC / ref.removeprefix("/static/")).is_file(), ref
    assert (STATIC / "data" / "countries-50m.json").stat().st_size > 100_000
    for licence in (
        "vendor/leaflet/LICENSE",
        "vendor/markercluster/MIT-LICENCE.txt",
        "vendor/topojson-client/LICENSE",
        "data/world-atlas-LICENSE",
    ):
        assert (STATIC / licence).is_file()

"""End to end in a real headless Chromium (Debian's, driven by Playwright): the demo store
served by ``selon serve``'s app, filtered by type, an event opened, a claim clicked and its
span seen highlighted in the article; then an article that tries to inject markup.
Screenshots go to test-artifacts/ui/."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from selon.api import create_app
from selon.ingest import ingest
from selon.store import Store
from tests.factories import XSS, hostile_record

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "ui"
CHROMIUM = os.environ.get("SELON_CHROMIUM", "/usr/bin/chromium")

pytestmark = pytest.mark.slow

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("ui") / "demo.db"
    with Store(db) as store:
        report = ingest(store, [str(ROOT / "corpus" / "articles")])
        assert report.saved > 0
        record = hostile_record()
        store.save(record, content_hash="x", origin="hostile")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(url + "/api/facets", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on(
        "dialog", lambda dialog: (page.errors.append("dialog: " + dialog.message), dialog.dismiss())
    )
    yield page
    context.close()


def test_ui_filter_open_event_click_claim_shows_span(base_url, page):
    candidates = httpx.get(
        base_url + "/api/events", params={"type": "ASSAULT", "limit": 100}
    ).json()["data"]
    chosen = next(e for e in candidates if e["quantities"])
    page.goto(base_url + "/#/")
    page.wait_for_selector("#list-rows .ev")
    page.wait_for_selector(".leaflet-interactive, .marker-cluster-custom")
    page.click('.chip[data-type="ASSAULT"]')
    page.wait_for_function("location.hash.includes('type=ASSAULT')")
    page.wait_for_selector(f'#list-rows .ev[data-event="{chosen["id"]}"]')
    # The list re-renders after the filter: wait for the filtered state, not a moment in it.
    page.wait_for_function(
        """() => {
            const b = [...document.querySelectorAll('#list-rows .ev .badge')]
                .map(e => e.textContent.trim());
            return b.length > 0 && b.every(t => t === 'ASSAULT');
        }"""
    )
    badges = page.locator("#list-rows .ev .badge").all_inner_texts()
    assert badges and set(badges) == {"ASSAULT"}
    page.screenshot(path=str(ARTIFACTS / "1-home-assault.png"))

    page.click(f'#list-rows .ev[data-event="{chosen["id"]}"]')
    page.wait_for_selector("#event-page #claims a[data-kind=claim]")
    page.screenshot(path=str(ARTIFACTS / "2-event.png"), full_page=True)
    claim = page.locator("#claims a[data-kind=claim]").first
    claim_text = claim.inner_text()
    claim.click()

    page.wait_for_selector("#article-page #article-text .hl")
    lit = "".join(page.locator("#article-text .hl").all_inner_texts())
    assert lit == claim_text
    assert page.locator("#article-text .hl").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "3-article-claim.png"))
    assert page.errors == []


def test_ui_timeline_brush_filters_the_list(base_url, page):
    page.goto(base_url + "/#/?type=PROTEST")
    page.wait_for_selector("#timeline-svg rect")
    box = page.locator("#timeline-svg").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.85, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, box["y"] + 40, steps=5)
    page.mouse.up()
    page.wait_for_function(
        "location.hash.includes('since=') && location.hash.includes('type=PROTEST')"
    )
    page.wait_for_selector("#list-rows .ev")
    page.screenshot(path=str(ARTIFACTS / "4-brushed.png"))
    assert page.errors == []


def test_ui_article_text_cannot_inject_markup(base_url, page):
    for path in ("/#/article/X1", "/#/event/X1-e1", "/#/?q=hostile"):
        page.goto(base_url + path)
        page.wait_for_selector("#article-page, #event-page, #list-rows .ev")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("#view script, #view img, #view svg[onload]").count() == 0
    page.goto(base_url + "/#/article/X1")
    page.wait_for_selector("#article-page")
    assert XSS in page.locator("#article-title").inner_text()
    assert XSS in page.locator("#article-text").inner_text()
    assert page.locator('a[href^="javascript:"]').count() == 0
    page.screenshot(path=str(ARTIFACTS / "5-hostile-article.png"))
    assert page.errors == []

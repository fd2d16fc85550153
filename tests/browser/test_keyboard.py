"""Keyboard use: a skip link, a visible focus on every stop, every control reachable by Tab.

Done with real key presses in Chromium, on a phone-sized and a desktop-sized window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .browserkit import DESKTOP, PHONE, page_urls

# Every element a keyboard user may need, numbered so a Tab stop can be named.
MARK_CONTROLS = """() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary,' +
              '[tabindex]:not([tabindex="-1"])';
  const controls = [...document.querySelectorAll(sel)];
  controls.forEach((el, i) => { el.dataset.kbd = String(i); });
  return controls.length;
}"""

# Shown to a sighted user: laid out, not hidden, not transparent, inside the window.
VISIBLE = """el => {
  const box = el.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return false;
  if (box.bottom < 0 || box.right < 0 || box.top > innerHeight || box.left > innerWidth) return false;
  for (let e = el; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.visibility !== 'visible' && e === el) return false;
    if (style.display === 'none' || parseFloat(style.opacity) < 0.1) return false;
  }
  return true;
}"""

VISIBLE_CONTROLS = f"""() => [...document.querySelectorAll('[data-kbd]')]
  .filter(el => el.disabled !== true)
  .filter(el => {{ el.scrollIntoView({{block: 'center'}}); return ({VISIBLE})(el); }})
  .map(el => el.dataset.kbd + ' ' + el.tagName + ' ' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40))"""

FOCUSED = f"""() => {{
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
            || (style.boxShadow && style.boxShadow !== 'none');
  return {{
    id: (el.dataset.kbd || '?') + ' ' + el.tagName + ' ' +
        (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
    visible: ({VISIBLE})(el),
    ring: ring,
  }};
}}"""


def tab_through(page: Page, limit: int = 800) -> list[dict]:
    """Press Tab from the top of the page until focus comes round again."""
    page.evaluate(
        "() => { document.activeElement && document.activeElement.blur(); scrollTo(0, 0); }"
    )
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or (stops and stop["id"] == stops[0]["id"]):
            break
        stops.append(stop)
    return stops


def _pages(site: Path) -> list[str]:
    """One page of each kind: home, communiqué, a campaign, and any materials page."""
    urls = page_urls(site)
    wanted = ["", "communique/", "campaigns/rights/", "es/campaigns/trafficking/help/"]
    wanted += [u for u in urls if u.endswith("materials/") and not u.startswith(("es/", "fr/"))]
    return [u for u in wanted if u in urls]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_visible_control_is_reached_with_a_visible_focus(
    site: Path, open_page: Callable[..., Page], viewport: dict[str, int]
) -> None:
    problems = {}
    for url in _pages(site):
        page = open_page(url, viewport)
        page.evaluate(MARK_CONTROLS)
        expected = set(page.evaluate(VISIBLE_CONTROLS))
        stops = tab_through(page)
        reached = {stop["id"] for stop in stops}
        invisible = [s["id"] for s in stops if not s["visible"]]
        no_ring = [s["id"] for s in stops if not s["ring"]]
        missed = sorted(expected - reached)
        if missed or invisible or no_ring:
            problems[url] = {"missed": missed, "invisible": invisible, "no ring": no_ring}
        page.close()
    assert not problems, problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_skip_link_is_first_and_moves_to_the_content(
    open_page: Callable[..., Page], viewport: dict[str, int]
) -> None:
    page = open_page("communique/about/", viewport)
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    assert page.evaluate(VISIBLE, skip.element_handle())
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_function("t => location.hash === t", arg=target)
    heading = page.locator(target)
    assert page.evaluate(VISIBLE, heading.element_handle())


def test_phone_menu_opens_and_closes_from_the_keyboard(open_page: Callable[..., Page]) -> None:
    page = open_page("campaigns/", PHONE)
    menu = page.locator("[data-puebla-toggle=__drawer]")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.locator(".md-sidebar--primary a").first.is_hidden()
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(300)  # the drawer slides in
    focused = page.evaluate(f"() => ({VISIBLE})(document.activeElement)")
    assert focused and page.evaluate(
        "() => !!document.activeElement.closest('.md-sidebar--primary')"
    )
    stops = tab_through(page, limit=60)
    assert any("A" in s["id"] for s in stops)
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.dataset.puebla === undefined")
    assert page.evaluate(
        "() => document.activeElement.getAttribute('data-puebla-toggle') === '__drawer'"
    )


def test_navigation_sections_open_from_the_keyboard(open_page: Callable[..., Page]) -> None:
    """A collapsed section's links are out of reach until Enter on its label opens it."""
    page = open_page("communique/about/")
    label = page.locator("label.md-nav__link[tabindex='0']").first
    section = label.locator("xpath=ancestor::li[contains(@class,'md-nav__item')][1]")
    child = section.locator("nav a").first
    assert not child.is_visible()
    label.focus()
    page.keyboard.press("Enter")
    child.wait_for(state="visible")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('nav .md-nav')")


def test_search_is_reached_and_used_from_the_keyboard(open_page: Callable[..., Page]) -> None:
    for viewport in (DESKTOP, PHONE):
        page = open_page("fr/", viewport)
        page.keyboard.press("/")
        page.wait_for_function(
            "() => document.activeElement.classList.contains('md-search__input')"
        )
        page.keyboard.type("traite")
        page.wait_for_selector(".md-search-result__link")
        page.keyboard.press("Enter")  # to the first result
        assert page.evaluate(
            "() => document.activeElement.classList.contains('md-search-result__link')"
        )
        page.keyboard.press("Escape")
        assert not page.locator("#__search").is_checked()
        page.close()

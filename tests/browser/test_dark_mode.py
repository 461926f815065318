"""Dark mode: the three-state toggle, persistence, prefers-color-scheme, and no flash.

No flash: an init script (which runs before any script of the page) records the html
element's data-theme and the computed page background at three moments: when <body> is
inserted into the document, at DOMContentLoaded, and in the first animation frame (the one
before the first paint). All three must already match the final theme.
"""

from __future__ import annotations

import re

import pytest

RECORDER = """
(() => {
  const seen = (window.__folioThemeSeen = []);
  const record = (when) => {
    const html = document.documentElement;
    const body = document.body;
    seen.push({
      when,
      theme: html.getAttribute("data-theme"),
      setting: html.getAttribute("data-theme-setting"),
      background: body ? getComputedStyle(body).backgroundColor : null,
    });
  };
  const observer = new MutationObserver(() => {
    if (document.body) { observer.disconnect(); record("body"); }
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => record("DOMContentLoaded"));
  requestAnimationFrame(() => record("first frame"));
})();
"""


def rgb(text: str) -> tuple[int, int, int]:
    values = [int(v) for v in re.findall(r"\d+", text)[:3]]
    return values[0], values[1], values[2]


def luminance(text: str) -> float:
    red, green, blue = rgb(text)
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def state(page) -> tuple[str | None, str | None]:
    return (
        page.get_attribute("html", "data-theme-setting"),
        page.get_attribute("html", "data-theme"),
    )


def background(page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_toggle_cycles_system_light_dark_and_survives_a_reload(open_page, served) -> None:
    page = open_page(served.url(), color_scheme="dark").page
    assert state(page) == ("system", "dark")  # system follows the (emulated) OS preference
    toggle = page.locator("#light-toggle")
    toggle.click()
    assert state(page) == ("light", "light")
    assert luminance(background(page)) > 0.8
    toggle.click()
    assert state(page) == ("dark", "dark")
    assert luminance(background(page)) < 0.2
    page.reload()
    assert state(page) == ("dark", "dark")
    # keyboard: focus the button, Enter and Space both cycle
    toggle.focus()
    page.keyboard.press("Enter")
    assert state(page) == ("system", "dark")
    page.keyboard.press("Space")
    assert state(page) == ("light", "light")
    page.goto(served.url("publications/"))  # another page remembers the choice
    assert state(page) == ("light", "light")


def test_toggle_has_an_accessible_name_that_says_what_it_does(open_page, served) -> None:
    page = open_page(served.url()).page
    label = page.get_attribute("#light-toggle", "aria-label") or ""
    assert "system" in label.lower()
    page.click("#light-toggle")
    assert "light" in (page.get_attribute("#light-toggle", "aria-label") or "").lower()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_system_setting_follows_prefers_color_scheme(open_page, served, scheme) -> None:
    page = open_page(served.url(), color_scheme=scheme).page
    assert state(page) == ("system", scheme)
    other = "light" if scheme == "dark" else "dark"
    page.emulate_media(color_scheme=other)  # the OS switches while the page is open
    page.wait_for_function(f"document.documentElement.dataset.theme === '{other}'")
    assert state(page) == ("system", other)


@pytest.mark.parametrize(
    ("stored", "scheme", "expected"),
    [
        ("dark", "light", "dark"),
        ("light", "dark", "light"),
        (None, "dark", "dark"),
        (None, "light", "light"),
    ],
)
def test_no_flash_of_the_wrong_theme(open_page, served, stored, scheme, expected) -> None:
    url = served.url("publications/")
    # First visit stores the choice (as a click on the toggle would), then a fresh load.
    visit = open_page(url, color_scheme=scheme, init_script=RECORDER)
    page = visit.page
    if stored:
        page.evaluate(f"localStorage.setItem('theme', '{stored}')")
    page.reload()
    page.wait_for_function("window.__folioThemeSeen.length >= 3")
    final = background(page)
    assert state(page)[1] == expected
    assert (luminance(final) < 0.2) == (expected == "dark")
    for record in page.evaluate("window.__folioThemeSeen"):
        assert record["theme"] == expected, record
        if record["background"] is not None:
            assert record["background"] == final, record
    assert visit.problems() == []

"""The dashboard and an Arabic page in a real headless Chromium (skipped without chromium)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.publish import AR, ES, translate
from tests.support.publish import project  # noqa: F401
from tests.support.browser import (  # noqa: F401  (shared with other test modules)
    CHROMIUM,
    DRIVER,
    _screenshot,
    browser,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM.exists() or shutil.which("chromium")) or
                       not (DRIVER.exists() or shutil.which("chromedriver")),
                       reason="chromium and chromedriver are not installed"),
]


def test_dashboard_and_arabic_page_in_chromium(project, cli, browser, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By

    root = project()
    translate(root, "es", ES)
    translate(root, "ar", AR)
    assert cli(root, "build").exit_code == 0
    assert cli(root, "report").exit_code == 0

    browser.get((root / "dist" / "report.html").as_uri())
    _screenshot(browser, tmp_path / "report.png")
    title = browser.find_element(By.TAG_NAME, "h1")
    assert title.is_displayed() and "translation status" in title.text.lower()
    row = browser.find_element(By.CSS_SELECTOR, 'tr[data-locale="ar"]')
    assert row.is_displayed() and "published" in row.text
    bar = browser.find_element(By.CSS_SELECTOR, 'tr[data-locale="es"] .bar .human')
    assert bar.size["width"] > 100  # 100 % of a 12rem bar

    browser.get((root / "dist" / "ar" / "water.html").as_uri())
    _screenshot(browser, tmp_path / "ar.png")
    body = browser.find_element(By.TAG_NAME, "body")
    para = browser.find_element(By.XPATH, "//main/p[2]")
    assert para.is_displayed() and para.text == "اشرب الماء."
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", para) == "rtl"
    # right to left: the short paragraph's text hugs the right edge of the body
    right = browser.execute_script(
        "const r=document.createRange(); r.selectNodeContents(arguments[0]);"
        "return [r.getBoundingClientRect().right, arguments[1].getBoundingClientRect().right,"
        " r.getBoundingClientRect().left, arguments[1].getBoundingClientRect().left];", para, body)
    text_right, body_right, text_left, body_left = right
    assert abs(body_right - text_right) < 20 and text_left - body_left > 100
    disclaimer = browser.find_element(By.CSS_SELECTOR, '[data-disclaimer="not-advice"]')
    assert disclaimer.is_displayed() and disclaimer.text == "هذه ليست نصيحة طبية."

import os
import tempfile

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("MASTERPLAN_URL", "http://127.0.0.1:8080")
DOWNLOADS = tempfile.mkdtemp(prefix="masterplan-downloads-")


@pytest.fixture(scope="session")
def base_url():
    return BASE


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": DOWNLOADS, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


# Every click that loads another page (a link, a submit button) and every form submit returns only once the old
# page is gone and the new one has loaded: a read right after it can no longer reach an element of the page being
# replaced (that gave WebDriver's "unhandled inspector error", issue 12). Downloads and same-page anchors load no
# page and are not waited for.
_DOWNLOADS = (".pdf", ".csv", ".xlsx", ".ics")
_click, _submit = WebElement.click, WebElement.submit


def _loads_a_page(element):
    tag = element.tag_name.lower()
    if tag == "a":
        href = element.get_attribute("href") or ""
        if not href or element.get_attribute("download") is not None:
            return False
        path = href.split("#")[0].split("?")[0]
        if path.endswith(_DOWNLOADS) or "/download" in path:
            return False
        return href.split("#")[0] != element.parent.current_url.split("#")[0] or "#" not in href
    if tag == "button":
        return (element.get_attribute("type") or "submit").lower() == "submit"
    if tag == "input":
        return (element.get_attribute("type") or "").lower() in ("submit", "image")
    return False


def _gone(old_html):
    """The old page is gone once its root element is stale; while Chromium tears the page down, asking about the
    element can also fail with "Node with given id does not belong to the document" (WebDriver's "unhandled
    inspector error"), which means the same thing."""
    def check(_driver):
        try:
            old_html.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def _await_next_page(driver, old_html):
    WebDriverWait(driver, 30).until(_gone(old_html))
    WebDriverWait(driver, 30, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def _click_and_wait(self):
    old = self.parent.find_element(By.TAG_NAME, "html") if _loads_a_page(self) else None
    _click(self)
    if old is not None:
        _await_next_page(self.parent, old)


def _submit_and_wait(self):
    old = self.parent.find_element(By.TAG_NAME, "html")
    _submit(self)
    _await_next_page(self.parent, old)


WebElement.click = _click_and_wait
WebElement.submit = _submit_and_wait


def wait_for(browser, css, text=None):
    """The element on the next page: a form submit returns before that page has loaded."""
    wait = WebDriverWait(browser, 20)
    if text is not None:
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
    return wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))

import os
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
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


def wait_for(browser, css, text=None):
    """The element on the next page: a form submit returns before that page has loaded."""
    wait = WebDriverWait(browser, 20)
    if text is not None:
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
    return wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))

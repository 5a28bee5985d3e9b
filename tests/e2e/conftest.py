import os
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

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

"""What a person does in a real browser (headless Chromium): open the dashboard,
search an organisation, read its detail page, switch language, filter without JavaScript."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE, wait_for


def test_dashboard_shows_key_figures_and_charts(browser):
    browser.get(BASE + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Masterplan Techniek Amsterdam"
    values = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".card .value")]
    assert "143" in values and "3.181" in values
    assert len(browser.find_elements(By.CSS_SELECTOR, "figure.chart svg")) == 3


def test_search_an_organisation_and_read_its_detail_page(browser):
    browser.get(BASE + "/")
    browser.find_element(By.LINK_TEXT, "Organisaties").click()
    box = browser.find_element(By.ID, "q")
    box.send_keys("Montessori College")
    box.submit()
    assert "1 organisaties gevonden" in wait_for(browser, "[role=status]", "organisaties gevonden").text
    browser.find_element(By.LINK_TEXT, "Montessori College Oost").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Montessori College Oost"
    body = browser.find_element(By.TAG_NAME, "main").text
    assert "Vakmanschapsroute" in body
    assert "Otib - Montessori College Oost" in body
    assert "Vakschool Technische Installaties" in body


def test_filter_by_kind_and_level_works_without_javascript(browser):
    browser.get(BASE + "/organisaties")
    Select(browser.find_element(By.ID, "kind")).select_by_value("secondary-school")
    Select(browser.find_element(By.ID, "level")).select_by_value("vmbo-t")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    assert "9 organisaties gevonden" in wait_for(browser, "[role=status]", "organisaties gevonden").text
    assert "kind=secondary-school" in browser.current_url


def test_switch_to_english_and_back(browser):
    browser.get(BASE + "/projecten")
    browser.find_element(By.LINK_TEXT, "English").click()
    assert browser.current_url.endswith("/projecten")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Projects"
    browser.find_element(By.LINK_TEXT, "Nederlands").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Projecten"

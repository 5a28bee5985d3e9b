"""A contact person logs in, edits their own organisation, and is refused another's (issue 3)."""
import os

from selenium.webdriver.common.by import By

from conftest import BASE, wait_for

EMAIL = os.environ.get("E2E_CONTACT_EMAIL", "")
PASSWORD = os.environ.get("E2E_CONTACT_PASSWORD", "")


def login(browser):
    browser.get(BASE + "/")
    browser.find_element(By.LINK_TEXT, "Inloggen").click()
    browser.find_element(By.ID, "email").send_keys(EMAIL)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()


def test_contact_person_edits_own_organisation_and_is_refused_another(browser):
    assert EMAIL and PASSWORD, "scripts/test creates the account and passes its password"
    login(browser)
    assert "E2E Contactpersoon" in wait_for(browser, "header .user", "E2E Contactpersoon").text
    browser.find_element(By.CSS_SELECTOR, "header .user a").click()  # my account
    browser.find_element(By.LINK_TEXT, "Profiel van mijn organisatie bewerken").click()
    district = browser.find_element(By.ID, "district")
    district.clear()
    district.send_keys("Oost")
    browser.find_element(By.ID, "latitude").send_keys("noord")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    assert "Er is niets opgeslagen" in wait_for(browser, "main", "Er is niets opgeslagen").text
    assert browser.find_element(By.ID, "latitude-error").is_displayed()
    latitude = browser.find_element(By.ID, "latitude")
    latitude.clear()
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    main = wait_for(browser, "main", "De wijzigingen zijn opgeslagen.").text
    assert "De wijzigingen zijn opgeslagen." in main
    assert "Oost" in main
    browser.get(BASE + "/organisaties/mundus-college/bewerken")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Geen toegang"
    browser.get(BASE + "/organisaties/mundus-college")
    assert "Profiel bewerken" not in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.CSS_SELECTOR, "header form button").click()  # log out
    assert "Inloggen" in wait_for(browser, "header", "Inloggen").text

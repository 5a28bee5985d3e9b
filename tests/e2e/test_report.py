"""A municipal analyst imports a new year of figures from Excel, sees the dashboard change and downloads
the report as PDF (issue 5)."""
import os
import time

from openpyxl import Workbook
from selenium.webdriver.common.by import By

from conftest import BASE, DOWNLOADS, wait_for
from pdf_check import assert_printed_on_a4

EMAIL = os.environ.get("E2E_ANALYST_EMAIL", "")
PASSWORD = os.environ.get("E2E_ANALYST_PASSWORD", "")


def target_status(browser, indicator_name):
    for row in browser.find_elements(By.CSS_SELECTOR, "main table tr"):
        if indicator_name in row.text:
            return row.find_elements(By.TAG_NAME, "td")[-1].text
    raise AssertionError(f"no target row for {indicator_name}")


def workbook(path):
    # Test figures, made up for this test: a new school year of enrolment and two years of overall N-profile choice.
    book = Workbook()
    sheet = book.active
    sheet.title = "Cijfers"
    sheet.append(["indicator", "period", "sector", "value", "source"])
    for sector, value in [("Bouwen & wonen", 540), ("Techniek & Procesindustrie", 1801), ("Transport & Logistiek", 489), ("Automotive", 455)]:
        sheet.append(["roc.students.sector", "2015-2016", sector, value, "ROC van Amsterdam (testcijfer)"])
    sheet.append(["havo-vwo.n-profile", "2013-2014", None, 46, "DUO (testcijfer)"])
    sheet.append(["havo-vwo.n-profile", "2014-2015", None, 51.5, "DUO (testcijfer)"])
    book.save(path)


def test_analyst_imports_excel_sees_dashboard_change_and_downloads_pdf(browser, tmp_path):
    assert EMAIL and PASSWORD, "scripts/test creates the analyst account and passes its password"
    n_profile = "N-profiel"
    browser.get(BASE + "/")
    assert "2015-2016" not in browser.find_element(By.ID, "chart-enrolment-title").find_element(By.XPATH, "..").get_attribute("innerHTML")
    assert target_status(browser, n_profile) == "Onbekend"

    browser.find_element(By.LINK_TEXT, "Inloggen").click()
    browser.find_element(By.ID, "email").send_keys(EMAIL)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(browser, "header .user", "E2E Analist")

    browser.find_element(By.LINK_TEXT, "Indicatoren").click()
    browser.find_element(By.LINK_TEXT, "Cijfers importeren (CSV of Excel)").click()
    # First a file with a mistake: nothing is imported and the message points at the cell.
    bad = tmp_path / "fout.xlsx"
    book = Workbook()
    book.active.append(["indicator", "period", "sector", "value", "source"])
    book.active.append(["roc.students.sector", "2015-2016", "Automotive", "veel", "ROC"])
    book.save(bad)
    browser.find_element(By.ID, "file").send_keys(str(bad))
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    alert = wait_for(browser, "[role=alert]").text
    assert "Niets geïmporteerd" in alert and "fout.xlsx:2:4 (value)" in alert

    good = tmp_path / "inschrijvingen-2015-2016.xlsx"
    workbook(good)
    browser.find_element(By.ID, "file").send_keys(str(good))
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    status = wait_for(browser, "[role=status]", "waarnemingen opgeslagen").text
    assert "6 waarnemingen opgeslagen voor 3 periode(s)" in status

    browser.find_element(By.LINK_TEXT, "Naar het overzicht met grafieken en doelen →").click()
    chart = browser.find_element(By.ID, "chart-enrolment-title").find_element(By.XPATH, "..").get_attribute("innerHTML")
    assert "2015-2016" in chart and "Automotive, 2015-2016: 455" in chart
    assert target_status(browser, n_profile) == "Op koers"

    browser.find_element(By.LINK_TEXT, "Rapportage").click()
    table = browser.find_element(By.ID, "table-enrolment").text
    assert "2015-2016" in table and "3.285" in table  # 540 + 1801 + 489 + 455, computed
    browser.find_element(By.LINK_TEXT, "PDF").click()
    deadline = time.time() + 60
    pdfs = []
    while time.time() < deadline:
        pdfs = [f for f in os.listdir(DOWNLOADS) if f.endswith(".pdf")]
        if pdfs:
            break
        time.sleep(0.5)
    assert pdfs, "the PDF was not downloaded"
    assert_printed_on_a4(os.path.join(DOWNLOADS, pdfs[0]), "Pagina 1 van ")

"""Student transport as the coordinator runs it (issue 16, done-when): the example week of Technologieroute
excursions becomes a plan (fewest buses, then least cost), the cost per school is there, a school's trip sheet is
printed as an A4 PDF, the plan is published, one class cancels and the week is re-planned with the least change to
everyone else."""
import os

from selenium.webdriver.common.by import By

from conftest import BASE, DOWNLOADS, wait_for
from pdf_check import assert_printed_on_a4, downloaded_pdf
from test_matchingday import assert_accessible, click_form
from test_network_desk import COORDINATOR, log_in, log_out

WEEK = "2015-03-09"


def stops(browser):
    """Every vehicle table's rows as (caption's vehicle, time, what, where, class) per day section."""
    out = []
    for table in browser.find_elements(By.CSS_SELECTOR, "main section table"):
        caption = table.find_element(By.TAG_NAME, "caption").text
        if not caption.startswith("Voertuig "):
            continue
        vehicle = caption.split(" · ")[0]
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
            cells = [c.text for c in row.find_elements(By.CSS_SELECTOR, "th, td")]
            out.append((vehicle, *cells))
    return out


def test_coordinator_plans_prints_and_replans_a_week(browser):
    log_in(browser, COORDINATOR)
    browser.get(BASE + "/netwerkbalie")
    browser.find_element(By.LINK_TEXT, "Leerlingenvervoer").click()
    wait_for(browser, "main h1", "Leerlingenvervoer")
    browser.find_element(By.LINK_TEXT, "9 maart 2015").click()
    wait_for(browser, "main h2", "Ritten in de week van 9 maart 2015")
    assert "Voorbeeldgegevens" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert_accessible(browser)
    click_form(browser, "/vervoer/plannen")
    wait_for(browser, "main section h2", "Het plan")
    main = browser.find_element(By.CSS_SELECTOR, "main").text
    assert "Kosten per school" in main and "Kosten per project" in main and "Kosten per financier" in main
    before = stops(browser)
    assert before, "no vehicle in the plan"
    assert_accessible(browser)

    # A school's trip sheet, printed.
    browser.find_element(By.LINK_TEXT, "Berlage Lyceum").click()
    wait_for(browser, "main h1", "Ritbrief: Berlage Lyceum")
    rows = browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert rows, "the sheet has no trips"
    assert_accessible(browser)
    downloaded = set(os.listdir(DOWNLOADS))
    browser.find_element(By.LINK_TEXT, "Ritbrief als PDF (A4)").click()
    assert_printed_on_a4(downloaded_pdf(DOWNLOADS, downloaded, "ritten-berlage-lyceum"), "Pagina 1 van ")

    # Published: from now on only the least change; one class cancels and every other class keeps its vehicle and
    # times (none was waiting here).
    browser.get(f"{BASE}/vervoer?week={WEEK}")
    wait_for(browser, "main section h2", "Het plan")
    click_form(browser, "/vervoer/publiceren")
    wait_for(browser, "main section h2", "Het plan")
    assert "Gepubliceerd op" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert not browser.find_elements(By.CSS_SELECTOR, "main form[action$='/vervoer/plannen']"), "planning from scratch after publication"
    assert "Wachten op een voertuig: " not in browser.find_element(By.CSS_SELECTOR, "main").text
    button = browser.find_element(By.CSS_SELECTOR, "main form[action$='/annuleren'] button")
    cancelled = button.get_attribute("aria-label").removeprefix("Annuleer de rit van ")
    button.click()
    wait_for(browser, "main p[role=status]", "Opnieuw gepland. Ritten van anderen die van tijd of voertuig veranderden: 0.")
    after = stops(browser)
    school = cancelled.split(" ")[0]
    assert len(after) == len(before) - 4, "the cancelled class should lose exactly its four stops"
    assert set(after) <= set(before), "another class's vehicle or time changed"
    assert any(school in r[4] for r in before)
    assert_accessible(browser)
    log_out(browser)

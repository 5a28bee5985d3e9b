"""A Matchingday as the organiser and two participants would run it (issue 6): the coordinator creates the day, a
company and a school register and say whom they want to meet, the coordinator plans the schedule, publishes and
prints the agendas (PDF), records an agreement from the grid, and after a cancellation reschedules with the fewest
changes; the school then sees the change on its agenda."""
import datetime
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE, DOWNLOADS, wait_for
from pdf_check import assert_printed_on_a4, downloaded_pdf
from test_accessibility import AXE, RUN
from test_network_desk import COMPANY, COORDINATOR, SCHOOL, fill, log_in, log_out

DAY = (datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=30)).isoformat()
NAME = "Matchingdag E2E"


def click_form(browser, action_suffix):
    browser.find_element(By.CSS_SELECTOR, f"main form[action$='{action_suffix}'] button[type=submit]").click()


def new_day(browser, fields):
    """Fills the new-Matchingday form with (field, value) pairs and submits it."""
    browser.get(BASE + "/matchingdagen")
    browser.find_element(By.LINK_TEXT, "Nieuwe Matchingdag").click()
    wait_for(browser, "main h1", "Nieuwe Matchingdag")
    for field, value in fields:
        fill(browser, field, value)
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()


def open_day(browser):
    browser.get(BASE + "/matchingdagen")
    browser.find_element(By.LINK_TEXT, NAME).click()
    wait_for(browser, "main h1", NAME)


def assert_accessible(browser):
    """The signed-in pages of the path pass axe-core as the public ones do (WCAG 2.1 A and AA)."""
    browser.execute_script(AXE)
    violations = browser.execute_async_script(RUN)
    assert violations == [], f"{browser.current_url}: {violations}"


def wish(browser, organisation, priority):
    Select(browser.find_element(By.ID, "wish-" + organisation)).select_by_value(priority)


def test_organiser_plans_prints_records_and_reschedules(browser):
    # The coordinator creates the day; a mistake is pointed out by field.
    log_in(browser, COORDINATOR)
    new_day(browser, [("name", NAME), ("date", DAY), ("place", "Zuidas"), ("startTime", "13:00"), ("rounds", "3"),
                      ("roundMinutes", "20"), ("changeMinutes", "5"), ("maxMeetings", "9"), ("schoolPlaces", "3"),
                      ("companyPlaces", "3"), ("tables", "2"), ("seats", "6")])
    error = wait_for(browser, "#maxMeetings-error")
    assert "aantal rondes" in error.text
    assert_accessible(browser)
    fill(browser, "maxMeetings", "3")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "main h1", NAME)
    # The organiser registers a company and a school that signed up by phone.
    for organisation in ("goflex", "mundus-college"):
        Select(browser.find_element(By.ID, "organizationId")).select_by_value(organisation)
        click_form(browser, "/aanmelden")
        wait_for(browser, "main p.note", "Aangemeld voor deze Matchingdag")
    log_out(browser)

    # The company registers and wishes; then the school, which sees suggestions first.
    log_in(browser, COMPANY)
    open_day(browser)
    click_form(browser, "/aanmelden")
    wait_for(browser, "main p.note", "Aangemeld voor deze Matchingdag")
    browser.find_element(By.LINK_TEXT, "Uw wensen: wie wilt u spreken?").click()
    wait_for(browser, "main h1", "Wensen")
    wish(browser, "mundus-college", "graag")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "main p.note", "opgeslagen")
    log_out(browser)

    log_in(browser, SCHOOL)
    open_day(browser)
    click_form(browser, "/aanmelden")
    wait_for(browser, "main p.note", "Aangemeld voor deze Matchingdag")
    browser.find_element(By.LINK_TEXT, "Uw wensen: wie wilt u spreken?").click()
    assert "Suggesties" in wait_for(browser, "main").text
    assert_accessible(browser)
    wish(browser, "infento", "moet")
    wish(browser, "goflex", "graag")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "main p.note", "opgeslagen")
    # No agenda before the organiser publishes it.
    open_day(browser)
    assert not browser.find_elements(By.LINK_TEXT, "Uw agenda")
    log_out(browser)

    # The coordinator plans: every wished meeting fits, and the page says it is proven optimal.
    log_in(browser, COORDINATOR)
    open_day(browser)
    click_form(browser, "/plannen")
    grid = wait_for(browser, "main", "bewezen optimaal")
    assert_accessible(browser)
    assert "Montessori College Oost × Infento" in grid.text
    assert "Montessori College Oost × Goflex" in grid.text
    assert "Mundus College × Infento" in grid.text
    # Nobody wished Mundus College × Goflex; both would sit idle in a round with a free table, so it is suggested.
    suggested = [c for c in browser.find_elements(By.CSS_SELECTOR, "main .meeting") if "Mundus College × Goflex" in c.text]
    assert len(suggested) == 1 and "voorstel" in suggested[0].text
    open_day(browser)
    click_form(browser, "/vrijgeven")
    wait_for(browser, "main p.note", "vrijgegeven")
    assert_accessible(browser)
    browser.find_element(By.LINK_TEXT, "Alle agenda's afdrukken").click()
    sheets = browser.find_elements(By.CSS_SELECTOR, "main section.sheet")
    assert len(sheets) == 4
    assert_accessible(browser)
    before = set(os.listdir(DOWNLOADS))
    browser.find_element(By.LINK_TEXT, "Als PDF").click()
    assert_printed_on_a4(downloaded_pdf(DOWNLOADS, before, "agendas-"), "Pagina 1 van ")

    # An agreement made at the Goflex table, recorded from the grid: it lands in the desk as agreed. (Goflex, not
    # Infento: the network desk's browser test counts Infento's agreements on the same database.)
    open_day(browser)
    browser.find_element(By.LINK_TEXT, "Rooster (rondes × tafels)").click()
    cell = [c for c in browser.find_elements(By.CSS_SELECTOR, "main .meeting") if "Montessori College Oost × Goflex" in c.text][0]
    cell.find_element(By.LINK_TEXT, "afspraak").click()
    wait_for(browser, "main h1", "Afspraak vastleggen")
    assert_accessible(browser)
    assert Select(browser.find_element(By.ID, "school")).first_selected_option.get_attribute("value") == "montessori-college-oost"
    Select(browser.find_element(By.ID, "type")).select_by_value("excursie")
    fill(browser, "windowStart", DAY)
    fill(browser, "windowEnd", (datetime.date.fromisoformat(DAY) + datetime.timedelta(days=60)).isoformat())
    fill(browser, "pupils", "24")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "main p.note", "Vastgelegd als afgesproken")
    browser.find_element(By.LINK_TEXT, "Bekijk de afspraak").click()
    assert "Afgesproken" in wait_for(browser, "main").text

    # Goflex cancels on the day: the reschedule changes only its two printed meetings (wished and suggested).
    open_day(browser)
    browser.find_element(By.LINK_TEXT, "Aanwezigheid op de dag").click()
    row = [r for r in browser.find_elements(By.CSS_SELECTOR, "main table tbody tr") if "Goflex" in r.text][0]
    row.find_element(By.XPATH, ".//button[normalize-space()='Afmelden']").click()
    wait_for(browser, "main h1", "Aanwezigheid")
    assert_accessible(browser)
    open_day(browser)
    click_form(browser, "/herplannen")
    note = wait_for(browser, "main p.note", "Herpland")
    assert "2 afgedrukte gesprek(ken) gewijzigd (0 verplaatst, 2 vervallen)" in note.text
    log_out(browser)

    # The school sees the change on its agenda.
    log_in(browser, SCHOOL)
    open_day(browser)
    browser.find_element(By.LINK_TEXT, "Uw agenda").click()
    agenda = wait_for(browser, "main section.sheet")
    assert "Vervalt" in agenda.text and "Infento" in agenda.text
    log_out(browser)

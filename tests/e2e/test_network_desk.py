"""The network desk as the three people involved (issue 4): a company contact offers an activity, a school contact
files two requests, the coordinator matches one by hand and the other with "allocate all", the company confirms and
plans, the coordinator records delivery, and the school's reach and the company's obligation status follow."""
import datetime
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE, wait_for

SCHOOL = (os.environ.get("E2E_CONTACT_EMAIL", ""), os.environ.get("E2E_CONTACT_PASSWORD", ""), "E2E Contactpersoon")
COMPANY = (os.environ.get("E2E_COMPANY_EMAIL", ""), os.environ.get("E2E_COMPANY_PASSWORD", ""), "E2E Bedrijf")
COORDINATOR = (os.environ.get("E2E_ADMIN_EMAIL", ""), os.environ.get("E2E_ADMIN_PASSWORD", ""), "E2E Coördinator")
TODAY = datetime.datetime.now(datetime.timezone.utc).date()


def log_in(browser, who):
    email, password, name = who
    assert email and password, "scripts/test creates the accounts and passes their passwords"
    browser.get(BASE + "/inloggen")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(browser, "header .user", name)


def log_out(browser):
    browser.find_element(By.CSS_SELECTOR, "header .user form button").click()
    wait_for(browser, "header .user a", "Inloggen")


def fill(browser, field, value):
    element = browser.find_element(By.ID, field)
    element.clear()
    if element.get_attribute("type") in ("date", "time"):
        # Chromium's date and time inputs take keys in the locale's order; setting the value is unambiguous.
        browser.execute_script("arguments[0].value = arguments[1]", element, value)
    else:
        element.send_keys(value)


def tick(browser, name, value):
    browser.find_element(By.CSS_SELECTOR, f"input[name='{name}[]'][value='{value}']").click()


def submit(browser):
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()


def confirm_and_plan(browser, day, time, place=None):
    """On an agreement's page: the company confirms, then plans it; returns the agreement's address."""
    browser.find_element(By.XPATH, "//button[normalize-space()='Afspraak bevestigen']").click()
    wait_for(browser, "main dl", "Afgesproken")
    fill(browser, "date", day)
    fill(browser, "startTime", time)
    if place:
        fill(browser, "place", place)
    browser.find_element(By.XPATH, "//button[normalize-space()='Afspraak plannen']").click()
    wait_for(browser, "main dl", "Gepland")
    return browser.current_url


def record_delivery(browser, agreement_url, pupils, teachers):
    browser.get(agreement_url)
    fill(browser, "pupilsReached", pupils)
    fill(browser, "teachers", teachers)
    browser.find_element(By.XPATH, "//button[normalize-space()='Uitvoering vastleggen']").click()
    wait_for(browser, "main dl", "Uitgevoerd")


def compliance_row(browser, name):
    browser.get(BASE + "/naleving?kind=company")
    for row in browser.find_elements(By.CSS_SELECTOR, "main table tbody tr"):
        if name in row.text:
            return [cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
    raise AssertionError(f"{name} not in the compliance overview")


def test_request_match_confirm_deliver_and_reach(browser):
    # The coordinator first looks at the company's obligation: nothing yet.
    log_in(browser, COORDINATOR)
    row = compliance_row(browser, "Infento B.V.")
    assert row[1] == "Achter" and row[3] == "0", row
    log_out(browser)

    # The company offers an excursion, twice this year.
    log_in(browser, COMPANY)
    browser.find_element(By.LINK_TEXT, "Netwerkbalie").click()
    browser.find_element(By.LINK_TEXT, "Aanbod toevoegen").click()
    Select(browser.find_element(By.ID, "type")).select_by_value("excursie")
    fill(browser, "title", "Bouw je eigen kart")
    tick(browser, "sectors", "metaal")
    tick(browser, "levels", "vmbo-bk")
    fill(browser, "groupMax", "30")
    fill(browser, "capacity", "2")
    fill(browser, "availableFrom", (TODAY - datetime.timedelta(days=30)).isoformat())
    fill(browser, "availableTo", (TODAY + datetime.timedelta(days=200)).isoformat())
    submit(browser)
    wait_for(browser, "main table", "Bouw je eigen kart")
    log_out(browser)

    # The school files two requests; the first with a mistake that is pointed out.
    log_in(browser, SCHOOL)
    for pupils, label in [("0", None), ("24", "eerste"), ("18", "tweede")]:
        browser.get(BASE + "/netwerkbalie")
        browser.find_element(By.LINK_TEXT, "Verzoek indienen").click()
        Select(browser.find_element(By.ID, "type")).select_by_value("excursie")
        tick(browser, "sectors", "metaal")
        Select(browser.find_element(By.ID, "level")).select_by_value("vmbo-bk")
        fill(browser, "pupils", pupils)
        fill(browser, "windowStart", TODAY.isoformat())
        fill(browser, "windowEnd", (TODAY + datetime.timedelta(days=60)).isoformat())
        submit(browser)
        if label is None:
            assert "pupils" in wait_for(browser, "[role=alert]").text
            assert "Een aantal leerlingen van 1 tot 2000." in browser.find_element(By.ID, "pupils-error").text
        else:
            wait_for(browser, "main dl", "Nieuw")
    log_out(browser)

    # The coordinator matches the first request by hand, with the reasons in view …
    log_in(browser, COORDINATOR)
    browser.get(BASE + "/netwerkbalie")
    browser.find_element(By.LINK_TEXT, "Verzoeken (wachtrij)").click()
    links = browser.find_elements(By.LINK_TEXT, "Montessori College Oost")
    assert len(links) >= 2
    links[-1].click()  # the oldest request is listed last
    candidates = wait_for(browser, "ol.candidates").text
    assert "Bouw je eigen kart" in candidates and "Sector: 1 van 1 gevraagd" in candidates
    browser.find_element(By.CSS_SELECTOR, "ol.candidates form button").click()
    assert "1 afspraak/afspraken voorgesteld" in wait_for(browser, "[role=status]").text
    # … and the second with "allocate all", after reviewing the proposal.
    browser.get(BASE + "/netwerkbalie")
    browser.find_element(By.LINK_TEXT, "Alle open verzoeken toewijzen").click()
    assert "Bouw je eigen kart" in wait_for(browser, "main table").text
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    assert "1 afspraak/afspraken voorgesteld" in wait_for(browser, "[role=status]").text
    row = compliance_row(browser, "Infento B.V.")
    assert row[1] == "Op koers" and row[4] == "2", row
    log_out(browser)

    # The company confirms and plans the first agreement.
    log_in(browser, COMPANY)
    browser.get(BASE + "/afspraken")
    browser.find_elements(By.CSS_SELECTOR, "main table tbody th a")[-1].click()
    agreement_url = confirm_and_plan(browser, TODAY.isoformat(), "09:30", "Werkplaats Infento")
    log_out(browser)

    # The coordinator records delivery.
    log_in(browser, COORDINATOR)
    record_delivery(browser, agreement_url, "22", "2")
    row = compliance_row(browser, "Infento B.V.")
    assert row[3] == "1" and row[4] == "1", row
    log_out(browser)

    # Reach is public and counts the pupils actually reached.
    browser.get(BASE + "/bereik?by=school")
    table = wait_for(browser, "main table").text
    assert "Montessori College Oost 1 22" in table.replace("\n", " ")

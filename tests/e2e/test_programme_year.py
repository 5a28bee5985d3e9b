"""A short programme year in the platform (issue 15, done-when): a company and a school apply on the public form and
are approved; their contacts choose a password through the invitation that arrives at the real test SMTP server
with an absolute link; the company offers, the school requests, the coordinator allocates; the company confirms and
plans, the school records delivery with the pupils reached; a Matchingday where nobody wished anyone is planned
without idle rounds; and the report of the school year shows exactly those counts more than before."""
import datetime
import re
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE, wait_for
from test_matchingday import assert_accessible, click_form, new_day
from test_network_desk import COORDINATOR, confirm_and_plan, fill, log_in, log_out, record_delivery, submit, tick
from test_newsletter import MAIL_DIR, wait_for_mail

TODAY = datetime.datetime.now(datetime.timezone.utc).date()
YEAR_START = datetime.date(TODAY.year if TODAY.month >= 8 else TODAY.year - 1, 8, 1)
YEAR_END = datetime.date(YEAR_START.year + 1, 7, 31)
REPORT = f"{BASE}/rapportage?from={YEAR_START.isoformat()}&to={YEAR_END.isoformat()}"
COUNTERS = ["Verzoeken ontvangen", "Activiteiten gepland", "Activiteiten uitgevoerd", "Leerlingen bereikt", "Scholen bereikt",
            "Afspraken op Matchingdays", "Vrienden (geregistreerd) aan het eind"]


def platform_counts(browser):
    """The report's own-records table: this period's column per counter (0 when the table is not there yet)."""
    browser.get(REPORT)
    wait_for(browser, "main h1")
    counts = {name: 0 for name in COUNTERS}
    # Without any platform activity the table is left out; the Vrienden then stand in the network chapter.
    registered = re.search(r"geregistreerd als Vriend op [^:]+: (\d+) organisaties", browser.find_element(By.CSS_SELECTOR, "main").text)
    if registered:
        counts["Vrienden (geregistreerd) aan het eind"] = int(registered.group(1))
    for table in browser.find_elements(By.CSS_SELECTOR, "main table"):
        if "Activiteiten uit de eigen registratie" not in table.find_element(By.TAG_NAME, "caption").text:
            continue
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
            label = row.find_element(By.TAG_NAME, "th").text.strip()
            cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
            if label in counts:
                counts[label] = int(cells[1].replace(".", "").replace(",0", "") or 0)
    return counts


def apply(browser, name, kind, number, email, sectors, levels):
    browser.get(BASE + "/netwerk")
    browser.find_element(By.LINK_TEXT, "Uw organisatie aanmelden bij het netwerk").click()
    wait_for(browser, "main h1", "Aansluiten bij het netwerk")
    fill(browser, "name", name)
    Select(browser.find_element(By.ID, "kind")).select_by_value(kind)
    fill(browser, "registrationNumber", number)
    fill(browser, "address", "Wibautstraat 2")
    fill(browser, "postcode", "1091 GH")
    fill(browser, "city", "Amsterdam")
    for s in sectors:
        tick(browser, "sectors", s)
    for level in levels:
        tick(browser, "levels", level)
    fill(browser, "contactName", "Contact " + name)
    fill(browser, "contactEmail", email)
    fill(browser, "motivation", "Wij willen leerlingen laten zien wat techniek in Amsterdam is.")
    assert_accessible(browser)
    submit(browser)
    wait_for(browser, "[role=status]", "De aanmelding is ontvangen")


def accept_invitation(browser, email, password):
    mail = wait_for_mail(email, "Welkom bij Masterplan: kies je wachtwoord")
    link = re.search(r"https?://\S+/wachtwoord-herstellen\S*", mail["text"]).group(0)
    assert link.startswith(("http://", "https://")), "the invitation carries an absolute link"
    browser.get(link)
    fill(browser, "password", password)
    fill(browser, "password2", password)
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "main", "Log in met het nieuwe wachtwoord")
    return (email, password, "Contact")


def test_a_short_year_reaches_the_report(browser):
    assert MAIL_DIR, "scripts/test passes the SMTP test server's folder"
    tag = uuid.uuid4().hex[:6]
    company_name, school_name = f"Werkplaats Jaar {tag}", f"Vakcollege Jaar {tag}"
    company_email, school_email = f"bedrijf-{tag}@bedrijf.example", f"school-{tag}@school.example"
    password = f"een-heel-lang-wachtwoord-{tag}"
    before = platform_counts(browser)

    # Both apply on the public form; the coordinator approves them.
    apply(browser, company_name, "company", "9" + str(int(tag, 16) % 10_000_000).zfill(7), company_email, ["metaal"], [])
    apply(browser, school_name, "secondary-school", "12AB", school_email, ["metaal"], ["vmbo-bk"])
    log_in(browser, COORDINATOR)
    browser.get(BASE + "/netwerk/aanmeldingen")
    assert_accessible(browser)
    for name in (company_name, school_name):
        # By its heading: a panel's duplicate hints may name the other applicant (same postcode).
        panel = [p for p in browser.find_elements(By.CSS_SELECTOR, "main div.panel") if p.find_element(By.TAG_NAME, "h3").text.startswith(name)][0]
        assert "Mogelijke dubbelingen" in panel.text
        panel.find_element(By.XPATH, ".//button[starts-with(normalize-space(), 'Goedkeuren')]").click()
        wait_for(browser, "main h1", name)
        browser.get(BASE + "/netwerk/aanmeldingen")
    log_out(browser)
    company = accept_invitation(browser, company_email, password)
    school = accept_invitation(browser, school_email, password)

    # The company offers an excursion; the school asks for one.
    log_in(browser, company)
    browser.get(BASE + "/aanbod/nieuw")
    Select(browser.find_element(By.ID, "type")).select_by_value("excursie")
    fill(browser, "title", f"Kijkje in de werkplaats {tag}")
    tick(browser, "sectors", "metaal")
    tick(browser, "levels", "vmbo-bk")
    fill(browser, "groupMax", "30")
    fill(browser, "capacity", "1")
    fill(browser, "availableFrom", (TODAY - datetime.timedelta(days=1)).isoformat())
    fill(browser, "availableTo", (TODAY + datetime.timedelta(days=120)).isoformat())
    submit(browser)
    wait_for(browser, "main table", f"Kijkje in de werkplaats {tag}")
    log_out(browser)
    log_in(browser, school)
    browser.get(BASE + "/verzoeken/nieuw")
    Select(browser.find_element(By.ID, "type")).select_by_value("excursie")
    tick(browser, "sectors", "metaal")
    Select(browser.find_element(By.ID, "level")).select_by_value("vmbo-bk")
    fill(browser, "pupils", "24")
    fill(browser, "windowStart", TODAY.isoformat())
    fill(browser, "windowEnd", (TODAY + datetime.timedelta(days=60)).isoformat())
    submit(browser)
    wait_for(browser, "main dl", "Nieuw")
    request_id = browser.current_url.rstrip("/").split("/")[-1]
    log_out(browser)

    # The coordinator allocates: the school's request gets the company's offer (other open requests stay unticked).
    log_in(browser, COORDINATOR)
    browser.get(BASE + "/verzoeken/toewijzen")
    wait_for(browser, "main table", f"Kijkje in de werkplaats {tag}")
    assert "Eerder dit schooljaar" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert_accessible(browser)
    for box in browser.find_elements(By.CSS_SELECTOR, "main input[name=pair]"):
        if not box.get_attribute("value").startswith(request_id + "|") and box.is_selected():
            box.click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Voorstellen versturen']").click()
    assert "1 afspraak/afspraken voorgesteld" in wait_for(browser, "[role=status]").text
    log_out(browser)
    proposal = wait_for_mail(company_email, f"Voorstel van de netwerkbalie: Excursie / bedrijfsbezoek: {school_name} × {company_name}")
    link = re.search(r"https?://\S+/afspraken/afspraak-[a-z0-9]+", proposal["text"])
    assert link, "the notice links to the agreement with an absolute address"

    # The company follows the mail's link, confirms and plans it today; the school records delivery.
    log_in(browser, company)
    browser.get(link.group(0))
    agreement_url = confirm_and_plan(browser, TODAY.isoformat(), "10:00")
    log_out(browser)
    log_in(browser, school)
    record_delivery(browser, agreement_url, "23", "2")
    log_out(browser)

    # A Matchingday nobody wished anyone on: the planner fills every round with suggested meetings.
    log_in(browser, COORDINATOR)
    day_name = f"Matchingdag jaar {tag}"
    day = min(TODAY + datetime.timedelta(days=14), YEAR_END).isoformat()
    new_day(browser, [("name", day_name), ("date", day), ("startTime", "13:00"), ("rounds", "2"), ("roundMinutes", "20"),
                      ("changeMinutes", "5"), ("maxMeetings", "2"), ("schoolPlaces", "4"), ("companyPlaces", "4"), ("tables", "2"), ("seats", "6")])
    wait_for(browser, "main h1", day_name)
    for option in (school_name, company_name, "Mundus College", "Goflex BV"):
        select = Select(browser.find_element(By.ID, "organizationId"))
        select.select_by_value([o.get_attribute("value") for o in select.options if o.text.startswith(option)][0])
        click_form(browser, "/aanmelden")
        wait_for(browser, "main p.note", "Aangemeld voor deze Matchingdag")
    click_form(browser, "/plannen")
    grid = wait_for(browser, "main table")
    rows = grid.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 2 and all(r.find_elements(By.CSS_SELECTOR, ".meeting") for r in rows), "no idle round"
    meetings = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "main .meeting")]
    for who in (school_name, company_name):
        assert any(who in m for m in meetings), f"{who} has a meeting"
    assert all("voorstel" in m for m in meetings), "nobody wished: every meeting is a suggestion"
    assert_accessible(browser)
    # An agreement made at the day, recorded from the grid.
    cell = [c for c in browser.find_elements(By.CSS_SELECTOR, "main .meeting") if f"{school_name} × {company_name}" in c.text][0]
    cell.find_element(By.LINK_TEXT, "afspraak").click()
    wait_for(browser, "main h1", "Afspraak vastleggen")
    Select(browser.find_element(By.ID, "type")).select_by_value("gastles")
    fill(browser, "windowStart", day)
    fill(browser, "windowEnd", (datetime.date.fromisoformat(day) + datetime.timedelta(days=30)).isoformat())
    fill(browser, "pupils", "20")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "main p.note", "Vastgelegd als afgesproken")
    log_out(browser)

    # The coordinator records a milestone of the year in the programme's data (the form's rules are the import's).
    log_in(browser, COORDINATOR)
    browser.get(BASE + "/programma")
    browser.find_element(By.LINK_TEXT, "Mijlpalen en tijdlijn").click()
    browser.find_element(By.LINK_TEXT, "Nieuw record").click()
    fill(browser, "title", f"Eerste jaar in het platform {tag}")
    fill(browser, "attendance", "veel")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    assert "is geen geheel getal" in wait_for(browser, "#attendance-error").text
    assert_accessible(browser)
    fill(browser, "attendance", "40")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "[role=status]", "Opgeslagen")
    assert f"Eerste jaar in het platform {tag}" in browser.find_element(By.CSS_SELECTOR, "main table").text
    assert_accessible(browser)
    log_out(browser)

    # The report of the school year counts exactly this year's work more than before.
    after = platform_counts(browser)
    expected = {"Verzoeken ontvangen": 1, "Activiteiten gepland": 1, "Activiteiten uitgevoerd": 1, "Leerlingen bereikt": 23,
                "Scholen bereikt": 1, "Afspraken op Matchingdays": 1, "Vrienden (geregistreerd) aan het eind": 2}
    assert {k: after[k] - before[k] for k in COUNTERS} == expected, (before, after)
    assert "eigen registratie" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert_accessible(browser)

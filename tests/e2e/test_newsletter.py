"""The newsletter end to end (issue 17), through the real SMTP server of scripts/test (aiosmtpd): a reader subscribes,
receives the confirmation and confirms; the coordinator composes an issue with a programme block and sends it; the
reader receives it with List-Unsubscribe-Post and leaves with one click (the POST a mail client sends); the next issue
does not reach that address; the archive and the feed show the first issue."""
import glob
import json
import os
import re
import time
import urllib.request
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE, wait_for
from test_accessibility import AXE, RUN
from test_network_desk import COORDINATOR, fill, log_in, log_out

MAIL_DIR = os.environ.get("MASTERPLAN_TEST_SMTP_DIR", "")


def assert_accessible(browser):
    browser.execute_script(AXE)
    violations = browser.execute_async_script(RUN)
    assert violations == [], f"{browser.current_url}: {violations}"


def mails_to(address):
    found = []
    for path in glob.glob(os.path.join(MAIL_DIR, "*.json")):
        with open(path, encoding="utf-8") as f:
            mail = json.load(f)
        if address in mail["rcptTos"]:
            found.append(mail)
    return found


def wait_for_mail(address, subject, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for mail in mails_to(address):
            if mail["subject"] == subject:
                return mail
        time.sleep(0.5)
    raise AssertionError(f"no mail '{subject}' to {address}; got {[m['subject'] for m in mails_to(address)]}")


def compose_and_send(browser, subject_nl, subject_en):
    browser.get(BASE + "/beheer/nieuwsbrief")
    browser.find_element(By.CSS_SELECTOR, "main form[action='/beheer/nieuwsbrief'] button[type=submit]").click()
    wait_for(browser, "#subject_nl")
    fill(browser, "subject_nl", subject_nl)
    fill(browser, "subject_en", subject_en)
    fill(browser, "b0_nl", "Het laatste nieuws uit **het programma**.")
    fill(browser, "b0_en", "The latest news from **the programme**.")
    Select(browser.find_element(By.ID, "add")).select_by_value("timeline")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "main p.note", "Opgeslagen")
    fill(browser, "b1_since", "2014-01-01")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "main p.note", "Opgeslagen")
    assert_accessible(browser)
    browser.find_element(By.LINK_TEXT, "Voorbeeld (Engels)").click()
    assert "From the programme" in wait_for(browser, "body").text
    assert_accessible(browser)
    browser.back()
    wait_for(browser, "#subject_nl")
    browser.find_element(By.CSS_SELECTOR, "main form[action$='/versturen'] button[type=submit]").click()
    wait_for(browser, "main p.note", "Ingepland")


def test_subscribe_confirm_receive_unsubscribe_and_the_archive(browser):
    assert MAIL_DIR, "scripts/test passes the SMTP test server's folder"
    reader = f"lezer-{uuid.uuid4().hex[:8]}@school.example"
    browser.get(BASE + "/nieuwsbrief")
    assert_accessible(browser)
    fill(browser, "email", reader)
    fill(browser, "name", "Lies Lezer")
    Select(browser.find_element(By.ID, "language")).select_by_value("en")
    browser.find_element(By.CSS_SELECTOR, "main form.edit button[type=submit]").click()
    wait_for(browser, "main p.note", "Bijna klaar")

    confirmation = wait_for_mail(reader, "Confirm your newsletter subscription")
    link = re.search(r"http://\S+/nieuwsbrief/bevestigen\?token=[A-Za-z0-9_-]+", confirmation["text"]).group(0)
    browser.get(link)
    page = wait_for(browser, "main").text
    assert "I want to receive by e-mail" in page or "Ik wil per e-mail ontvangen" in page
    assert_accessible(browser)

    subject = f"Nieuwsbrief E2E {uuid.uuid4().hex[:6]}"
    log_in(browser, COORDINATOR)
    compose_and_send(browser, subject, subject + " (EN)")
    issue = wait_for_mail(reader, subject + " (EN)")
    assert issue["listUnsubscribePost"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.search(r"<(http://[^>]+)>", issue["listUnsubscribe"]).group(1)
    assert "From the programme" in issue["html"] and "From the programme".upper() in issue["text"]
    assert unsubscribe in issue["text"]

    # One click, as a mail client does it (RFC 8058): a POST without cookies.
    request = urllib.request.Request(unsubscribe, data=b"List-Unsubscribe=One-Click", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200

    second = subject + " twee"
    compose_and_send(browser, second, second + " (EN)")
    # Wait until the second issue is sent (its page then lists each recipient); the reader is not among them.
    browser.get(BASE + "/beheer/nieuwsbrief")
    browser.find_element(By.LINK_TEXT, second).click()
    issue_page = browser.current_url
    deadline = time.time() + 60
    while "Verstuurd" not in wait_for(browser, "main").text and time.time() < deadline:
        time.sleep(1)
        browser.get(issue_page)
    main = wait_for(browser, "main").text
    assert "Verstuurd" in main and reader not in main
    assert_accessible(browser)
    assert not [m for m in mails_to(reader) if m["subject"].startswith(second)]

    browser.get(BASE + "/nieuwsbrief/archief")
    assert_accessible(browser)
    browser.find_element(By.LINK_TEXT, subject).click()
    assert "Uit het programma" in wait_for(browser, "body").text
    with urllib.request.urlopen(BASE + "/nieuwsbrief/archief.atom") as response:
        feed = response.read().decode()
    assert subject in feed and "<entry>" in feed
    # The signed-in pages this work added: notifications and the account's choices.
    for path in ("/meldingen", "/account"):
        browser.get(BASE + path)
        assert_accessible(browser)
    browser.get(BASE + "/")
    log_out(browser)

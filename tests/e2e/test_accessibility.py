"""Every page audited with axe-core (WCAG 2.0/2.1 A and AA rules) in headless Chromium.
axe-core comes from the axe-playwright-python package; it is injected through Selenium."""
import os

import axe_playwright_python
import pytest

from conftest import BASE

AXE = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"), encoding="utf-8").read()

PAGES = [
    "/", "/organisaties", "/organisaties?kind=castle", "/organisaties/montessori-college-oost", "/organisaties/nextechnician",
    "/netwerk", "/projecten", "/projecten/entreeopleiding", "/leerroutes", "/opleidingshuizen",
    "/opleidingshuizen/mobiliteitstechniek", "/indicatoren", "/indicatoren/roc.students.sector", "/tijdlijn",
    "/financiering", "/evenementen", "/evenementen/matchingday-2014", "/ambities", "/projectorganisatie",
    "/projecten?lang=en", "/bestaat-niet", "/inloggen", "/wachtwoord-vergeten", "/wachtwoord-herstellen?token=x", "/rapportage", "/rapportage?lang=en&from=2014-01-01&to=2014-12-31",
    "/netwerkbalie", "/aanbod", "/bereik", "/bereik?by=sector&lang=en",
    "/matchingdagen", "/matchingdagen/matchingdag-basisonderwijs-2015",
    "/nieuwsbrief", "/nieuwsbrief/archief", "/nieuwsbrief/afmelden/onbekend",
]

RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))));
"""


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_violations(browser, path):
    browser.get(BASE + path)
    browser.execute_script(AXE)
    violations = browser.execute_async_script(RUN)
    assert violations == [], f"{path}: {violations}"

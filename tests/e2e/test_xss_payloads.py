"""Escaping (issue 12): markup payloads stored in text fields and sent in query parameters come out as text on
every page, never as an element or an attribute. Pages are parsed with Python's HTML parser (html.parser, the
same tokenizer rules as a browser's for tags and attributes), as an anonymous visitor and as the coordinator.
Runs last (the name sorts after the other files): it leaves payloads behind in the shared database."""
import http.cookiejar
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from conftest import BASE

ADMIN = (os.environ.get("E2E_ADMIN_EMAIL", ""), os.environ.get("E2E_ADMIN_PASSWORD", ""))
COMPANY = (os.environ.get("E2E_COMPANY_EMAIL", ""), os.environ.get("E2E_COMPANY_PASSWORD", ""))
SCHOOL = (os.environ.get("E2E_CONTACT_EMAIL", ""), os.environ.get("E2E_CONTACT_PASSWORD", ""))
MARK = "xssprobe"
PAYLOADS = [
    f'"><{MARK}-a data-{MARK}="1">',
    f"'><{MARK}-b data-{MARK}='1'>",
    f"</textarea><{MARK}-c>",
    f'" data-{MARK}="1',
    f"javascript:{MARK}()",
]
QUERY_NAMES = ["q", "kind", "sector", "level", "district", "page", "year", "terug", "entity", "from", "to", "by",
               "deelnemer", "school", "bedrijf", "hersteld", "opgeslagen", "toegevoegd", "voorgesteld", "herinnerd"]


class Probe(HTMLParser):
    """Collects every element and attribute that a payload produced."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if MARK in tag:
            self.found.append(f"element <{tag}>")
        for name, value in attrs:
            if MARK in name:
                self.found.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction") and value and value.strip().lower().startswith("javascript:"):
                self.found.append(f"{name}={value!r} on <{tag}>")
            if name == "http-equiv":
                self.found.append(f"meta http-equiv on <{tag}>")

    handle_startendtag = handle_starttag


def session(who=None):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    if who:
        page = opener.open(BASE + "/inloggen").read().decode()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        opener.open(BASE + "/inloggen", urllib.parse.urlencode({"email": who[0], "password": who[1], "_csrf": csrf}).encode())
    return opener


def fetch(opener, path):
    try:
        with opener.open(BASE + path) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8", "replace")


def csrf_of(opener, path):
    return re.search(r'name="_csrf" value="([^"]+)"', fetch(opener, path)[2]).group(1)


def store_payloads():
    admin = session(ADMIN)
    token = re.search(r"mp_[A-Za-z0-9]{40}", admin.open(BASE + "/account/tokens", urllib.parse.urlencode(
        {"name": "xss", "scope": "write", "_csrf": csrf_of(admin, "/account")}).encode()).read().decode()).group(0)
    for org, payload in [("vhto", PAYLOADS[0]), ("oom", PAYLOADS[1]), ("nextechnician", PAYLOADS[3])]:
        req = urllib.request.Request(f"{BASE}/api/v1/organizations/{org}", method="PATCH", data=json.dumps({"district": payload[:80]}).encode(),
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json", "If-Match": "*"})
        urllib.request.urlopen(req).read()
    company = session(COMPANY)
    fields = {"type": "excursie", "title": PAYLOADS[2][:120], "description": PAYLOADS[0], "location": PAYLOADS[4], "groupMin": "5",
              "groupMax": "30", "capacity": "2", "availableFrom": "2026-01-01", "availableTo": "2030-12-31", "sectors": "metaal",
              "levels": "vmbo-t", "_csrf": csrf_of(company, "/aanbod/nieuw")}
    try:
        company.open(BASE + "/aanbod/nieuw", urllib.parse.urlencode(fields).encode()).read()
    except urllib.error.HTTPError as e:
        assert e.code < 500, e.read()
    school = session(SCHOOL)
    plan = {"goals": PAYLOADS[0], "activities": PAYLOADS[2], "contact": PAYLOADS[1], "levels": "vmbo-t", "sectors": "metaal",
            "_csrf": csrf_of(school, "/netwerk/schoolplan")}
    try:
        school.open(BASE + "/netwerk/schoolplan", urllib.parse.urlencode(plan).encode()).read()
    except urllib.error.HTTPError as e:
        assert e.code < 500, e.read()


def crawl(opener, limit=160):
    seen, queue, pages = set(), ["/", "/aanbod", "/naleving", "/organisaties", "/beheer/audit", "/verzoeken", "/afspraken",
                                 "/netwerk/schoolplannen", "/netwerk/schoolplan"], []
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        status, kind, body = fetch(opener, path)
        if "html" not in kind:
            continue
        pages.append((path, body))
        for href in re.findall(r'href="(/[^"#]*)"', body):
            href = href.replace("&amp;", "&")
            if not any(href.startswith(p) for p in ("/static", "/api", "/taal", "/uitloggen", "/agenda/")) and not re.search(r"\.(pdf|csv|xlsx|ics)(\?|$)", href) \
                    and "download" not in href and href not in seen:
                queue.append(href)
    return pages


def assert_clean(path, body):
    probe = Probe()
    probe.feed(body)
    assert not probe.found, f"{path}: {probe.found}"


def test_stored_and_reflected_payloads_stay_text():
    assert ADMIN[0] and COMPANY[0], "scripts/test creates the accounts and passes their passwords"
    store_payloads()
    checked = 0
    for who in (None, ADMIN):
        opener = session(who)
        pages = crawl(opener)
        assert len(pages) > 20
        for path, body in pages:
            assert_clean(path, body)
            checked += 1
        # Every query parameter any page reads, with every payload, on every page found.
        for path, _ in pages[:60]:
            base = path.split("?")[0]
            for payload in PAYLOADS:
                query = urllib.parse.urlencode({name: payload for name in QUERY_NAMES})
                status, kind, body = fetch(opener, base + "?" + query)
                assert status < 500, f"{base}?{query}: {status}"
                if "html" in kind:
                    assert_clean(base + "?…" + payload, body)
                    checked += 1
    print(f"pages checked: {checked}")

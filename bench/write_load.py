#!/usr/bin/env python3
"""Concurrent writers against a running `serve`: each writer PATCHes its own organisation through the JSON API
with a beheerder's write token, as fast as it can, for a while; prints accepted, 5xx and other answers, and
exits 1 on any 5xx or refused connection. Issue 12: 0 5xx with 16 writers for 60 s, on SQLite and PostgreSQL.

  bench/write_load.py --url http://127.0.0.1:8080 --email E --password P --writers 16 --seconds 60

Only the Python standard library (scripts/test runs it without a venv)."""
import argparse, http.cookiejar, json, re, sys, threading, time, urllib.error, urllib.parse, urllib.request


def login(base, email, password):
    """A cookie-keeping opener signed in through the login form (with its CSRF token)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/inloggen").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    opener.open(base + "/inloggen", urllib.parse.urlencode({"email": email, "password": password, "_csrf": csrf}).encode())
    return opener


def login_and_token(base, email, password):
    opener = login(base, email, password)
    page = opener.open(base + "/account").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    page = opener.open(base + "/account/tokens", urllib.parse.urlencode({"name": "load", "scope": "write", "_csrf": csrf}).encode()).read().decode()
    return re.search(r"mp_[A-Za-z0-9]{40}", page).group(0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--email", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--writers", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--ack-log", help="append 'organisation TAB district TAB time' for every accepted write")
    a = ap.parse_args()
    token = login_and_token(a.url, a.email, a.password)
    orgs = [o["id"] for o in json.load(urllib.request.urlopen(a.url + "/api/v1/organizations?kind=company&per=100"))["items"]]
    counts = {"accepted": 0, "5xx": 0, "other": 0, "refused": 0}
    lock = threading.Lock()
    deadline = time.time() + a.seconds
    acks = []

    def writer(i):
        org = orgs[i % len(orgs)]
        n = 0
        while time.time() < deadline:
            n += 1
            body = json.dumps({"district": f"Wijk {i}-{n}"}).encode()
            req = urllib.request.Request(f"{a.url}/api/v1/organizations/{org}", data=body, method="PATCH",
                                         headers={"Authorization": "Bearer " + token, "Content-Type": "application/json", "If-Match": "*"})
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    key = "accepted" if r.status == 200 else "other"
                if key == "accepted":
                    with lock:
                        acks.append((org, f"Wijk {i}-{n}", time.time()))
            except urllib.error.HTTPError as e:
                key = "5xx" if e.code >= 500 else "other"
            except OSError:
                key = "refused"
            with lock:
                counts[key] += 1

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(a.writers)]
    start = time.time()
    for t in threads: t.start()
    for t in threads: t.join()
    took = time.time() - start
    if a.ack_log:
        with open(a.ack_log, "w") as f:
            for org, value, at in acks:
                f.write(f"{org}\t{value}\t{at:.6f}\n")
    print(f"{a.writers} writers, {took:.1f} s: {counts['accepted']} accepted ({counts['accepted'] / took:.0f}/s), "
          f"{counts['5xx']} 5xx, {counts['other']} other, {counts['refused']} refused connections")
    sys.exit(1 if counts["5xx"] or counts["refused"] or not counts["accepted"] else 0)


if __name__ == "__main__":
    main()

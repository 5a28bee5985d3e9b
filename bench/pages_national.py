#!/usr/bin/env python3
"""Issue 13: every page a coordinator reaches, on the national dataset, signed in (bench/pages_national.sh runs it).

Signs in with the given account, then requests each path: one warm-up, then the median of 5, status and milliseconds.
A path that answers 5xx or takes longer than --max-time seconds is reported as such (the script goes on).
"""
import argparse
import statistics
import time
import urllib.error

from write_load import login

PATHS = [
    "/", "/netwerkbalie", "/naleving", "/naleving?page=500", "/naleving?kind=school", "/naleving?kind=company&district=Regio%207", "/naleving?schooljaar=2024",
    "/aanbod", "/aanbod/nieuw", "/verzoeken", "/verzoeken/nieuw", "/verzoeken/toewijzen", "/afspraken", "/bereik",
    "/netwerk/aanmeldingen", "/netwerk/schoolplannen", "/matchingdagen", "/matchingdagen/nieuw", "/vervoer",
    "/programma", "/programma/financiering", "/programma/financiering/nieuw", "/programma/subsidieaanvragen",
    "/programma/mijlpalen", "/programma/projectdoelen", "/programma/indicatoren", "/programma/streefwaarden",
    "/organisaties/bedrijf-000123/bewerken", "/organisaties/bedrijf-000123/agenda", "/indicatoren/import",
    "/rapportage", "/beheer/accounts", "/beheer/audit", "/beheer/outbox", "/beheer/nieuwsbrief", "/meldingen", "/account",
    "/api/v1/memberships?per=200", "/api/v1/memberships?page=700&per=200", "/api/v1/agreements?per=200",
    "/api/v1/agreements?organization=bedrijf-000123", "/api/v1/agreements?event=md-2017-03&per=200",
    "/api/v1/events/md-2017-03", "/api/v1/people", "/api/v1/projects", "/api/v1/funding", "/api/v1/targets",
    "/api/v1/timeline", "/api/v1/partnership-members", "/api/v1/organizations/bedrijf-000123/contacts",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--email", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--max-time", type=float, default=30)
    args = ap.parse_args()
    opener = login(args.url, args.email, args.password)
    for path in PATHS:
        times, status = [], None
        for run in range(6):
            start = time.perf_counter()
            try:
                with opener.open(args.url + path, timeout=args.max_time) as r:
                    r.read()
                    status = r.status
            except urllib.error.HTTPError as e:
                e.read()
                status = e.code
            except Exception:  # a timeout: the path is reported and skipped
                status = "timeout"
                break
            if run > 0:
                times.append((time.perf_counter() - start) * 1000)
        if status == "timeout":
            print(f"{path:52s}  timeout (> {args.max_time:.0f} s)")
        else:
            print(f"{path:52s}  {status}  {statistics.median(times):.0f} ms (median of 5)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A generated national dataset for the report benchmark (issue 5): the embedded Amsterdam files plus
7,000 school locations, 250,000 companies, 1,000,000 agreements over 100 generated Matchingdays,
150,000 memberships and five school years of indicator figures per region. Seeded, so every run writes
the same files. Everything generated is labelled 'generated (benchmark)' in its source column.

    python3 bench/national_dataset.py OUT_DIR [--seed 7] [--scale 1.0]
"""
import argparse
import csv
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
EMBEDDED = os.path.join(HERE, "..", "data", "amsterdam-2012-2014")
SRC = "generated (benchmark)"
SECTORS = ["bouw", "installatie", "elektro", "metaal", "mobiliteit", "logistiek", "proces-lab", "luchtvaart"]
ENROL_SECTORS = ["Bouwen & wonen", "Techniek & Procesindustrie", "Transport & Logistiek", "Automotive"]
SCHOOL_KINDS = [("secondary-school", "vmbo-bk;vmbo-t"), ("primary-school", "po"), ("secondary-school", "havo;vwo"), ("mbo", "mbo-2;mbo-4")]
REGIONS = 40


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = the issue's national size")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n_schools, n_companies = int(7000 * a.scale), int(250000 * a.scale)
    n_agreements, n_events = int(1000000 * a.scale), 100
    os.makedirs(a.out, exist_ok=True)
    for name in os.listdir(EMBEDDED):
        shutil.copy(os.path.join(EMBEDDED, name), os.path.join(a.out, name))

    def append(name, rows):
        path = os.path.join(a.out, name)
        with open(path, newline="", encoding="utf-8") as f:
            header = next(csv.reader(f))
        with open(path, "a", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            for r in rows:
                w.writerow([r.get(h, "") for h in header])

    schools = [f"school-{i:05d}" for i in range(n_schools)]
    companies = [f"bedrijf-{i:06d}" for i in range(n_companies)]

    def orgs():
        for i, s in enumerate(schools):
            kind, levels = SCHOOL_KINDS[i % len(SCHOOL_KINDS)]
            yield {"id": s, "name": f"School {i} (gegenereerd)", "kind": kind, "sectors": "", "levels": levels,
                   "district": f"Regio {i % REGIONS}", "latitude": f"{50.8 + rng.random() * 2.6:.5f}",
                   "longitude": f"{3.4 + rng.random() * 3.7:.5f}", "source": SRC}
        for i, c in enumerate(companies):
            yield {"id": c, "name": f"Bedrijf {i} (gegenereerd)", "kind": "company",
                   "sectors": ";".join(rng.sample(SECTORS, rng.randint(1, 3))), "levels": "",
                   "district": f"Regio {i % REGIONS}", "latitude": f"{50.8 + rng.random() * 2.6:.5f}",
                   "longitude": f"{3.4 + rng.random() * 3.7:.5f}", "source": SRC}
    append("organizations.csv", orgs())

    append("memberships.csv", ({"id": f"lid-{i:06d}", "organizationId": org, "startDate": f"{rng.randint(2015, 2019)}-0{rng.randint(1, 9)}",
                                "evidence": "gegenereerd", "source": SRC}
                               for i, org in enumerate(rng.sample(companies, int(150000 * a.scale)))))

    # Five years after the embedded 2012–2014 programme, so no generated figure collides with a reported one.
    years = [2015, 2016, 2017, 2018, 2019]
    events = [{"id": f"md-{y}-{r:02d}", "name": f"Matchingday {y} regio {r}", "kind": "matchingday",
               "date": f"{y}-{rng.randint(3, 6):02d}-{rng.randint(1, 28):02d}", "status": "held", "reportedSchools": "",
               "reportedAgreements": "", "description": "Gegenereerd voor de benchmark", "section": SRC}
              for y in years for r in range(n_events // len(years))]
    append("events.csv", events)
    append("agreements.csv", ({"id": f"afspraak-{i:07d}", "eventId": events[i % len(events)]["id"],
                               "schoolId": schools[rng.randrange(n_schools)], "companyIds": companies[rng.randrange(n_companies)],
                               "printedAs": f"afspraak {i} (gegenereerd)", "source": SRC} for i in range(n_agreements)))

    def observations():
        for y in years:
            period = f"{y}-{y + 1}"
            for s in ENROL_SECTORS:
                yield {"indicatorKey": "roc.students.sector", "period": period, "dimensions": f"sector={s}",
                       "value": rng.randint(20000, 90000), "source": SRC}
            for lw in ["BBL", "BOL voltijd"]:
                yield {"indicatorKey": "roc.students.leerweg", "period": period, "dimensions": f"leerweg={lw}",
                       "value": rng.randint(60000, 120000), "source": SRC}
            for level in ["elementair", "lager", "middelbaar", "hoger en wetenschappelijk"]:
                for key in ["labour.benefits", "labour.vacancies"]:
                    yield {"indicatorKey": key, "period": str(y), "dimensions": f"level={level}",
                           "value": rng.randint(5000, 40000), "source": SRC}
            yield {"indicatorKey": "havo-vwo.n-profile", "period": period, "dimensions": "", "value": round(45 + rng.random() * 10, 1), "source": SRC}
            yield {"indicatorKey": "vmbo.t-year3", "period": period, "dimensions": "", "value": rng.randint(20000, 60000), "source": SRC}
    append("observations.csv", observations())
    print(f"wrote {a.out}: {n_schools} schools, {n_companies} companies, {n_agreements} agreements, {len(events)} events")


if __name__ == "__main__":
    main()

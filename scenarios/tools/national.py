#!/usr/bin/env python3
"""Writes scenarios/seed-2017-2019.json and the scenarios that extend it: national-fy2018.json, and
national-fy2018-1m25.json and bench-national-month.json, which extend that (each as a patch by key:
only what differs from its base).

The JSON files are what linksim reads; this script shows where every number comes from and
regenerates them after a change. Run from the repository root: python3 scenarios/tools/national.py

Sources (see ../shared/domain.md): the seed deck's totals for 2017-07-18..2019-03-31 (8,725,223
queries, 8,032,100 provisions), its top-5 items provided and top-5 procedures queried [SEED p.1];
1,741 municipalities, 47 prefectures, about 1,700 insurers on the shared server [W7][K].
Everything else (population spread, coverage shares, batch shares, latencies) is an assumption [K].
"""
import datetime as dt
import json
import os

# --- calendar: Japanese national holidays and the government's year-end closure (12/29-1/3) ---
HOLIDAYS = """
2017-08-11 2017-09-18 2017-09-23 2017-10-09 2017-11-03 2017-11-23 2017-12-23
2017-12-29 2017-12-30 2017-12-31 2018-01-01 2018-01-02 2018-01-03 2018-01-08 2018-02-12 2018-03-21
2018-04-30 2018-05-03 2018-05-04 2018-05-05 2018-07-16 2018-08-11 2018-09-17 2018-09-24 2018-10-08
2018-11-03 2018-11-23 2018-12-24
2018-12-29 2018-12-30 2018-12-31 2019-01-01 2019-01-02 2019-01-03 2019-01-14 2019-02-11 2019-03-21
""".split()


def business_days(start, end_exclusive):
    hol = {dt.date.fromisoformat(h) for h in HOLIDAYS}
    d, n = start, 0
    while d < end_exclusive:
        if d.weekday() < 5 and d not in hol:
            n += 1
        d += dt.timedelta(days=1)
    return n


SEED_START, SEED_END = dt.date(2017, 7, 18), dt.date(2019, 4, 1)
FY_START, FY_END = dt.date(2018, 4, 1), dt.date(2019, 4, 1)
BD_SEED = business_days(SEED_START, SEED_END)
BD_FY = business_days(FY_START, FY_END)

# --- the seed's figures ---
QUERIES, PROVISIONS = 8_725_223, 8_032_100
ITEMS = {  # provisions by specific-personal-information item, top 5 [SEED]
    "tax": 6_853_512, "resident": 543_531, "insurance": 463_797, "care": 36_441, "employment": 35_257}
ITEMS["other"] = PROVISIONS - sum(ITEMS.values())
PROCS = {  # queries by procedure, top 5 [SEED]
    "local-tax": 1_579_045, "child-allowance": 1_511_620, "nhi": 1_477_300, "student-loan": 677_090,
    "specified-medical": 443_907}
PROCS["others"] = QUERIES - sum(PROCS.values())

# Share of queries a provider holds a record for (the rest end as no_replica) [K]; the tax share
# is what makes the queries add up to the seed's total: sum(provided / coverage) = QUERIES.
COVERAGE = {"resident": 0.97, "insurance": 0.90, "care": 0.85, "employment": 0.85, "other": 0.85}
DENIED = 1_000  # a requester outside the permission table (kyosai-local, student-loan) [K]
rest = sum(ITEMS[i] / c for i, c in COVERAGE.items())
COVERAGE["tax"] = ITEMS["tax"] / (QUERIES - DENIED - rest)
Q_ITEM = {i: ITEMS[i] / COVERAGE[i] for i in ITEMS}

# Queries by (procedure, item): the top-5 procedures' known uses, the rest in "others".
MATRIX = {
    ("local-tax", "tax"): PROCS["local-tax"],
    ("child-allowance", "resident"): 150_000,
    ("nhi", "insurance"): 300_000,
    ("student-loan", "tax"): PROCS["student-loan"] - DENIED,  # the refused line makes up the rest
    ("specified-medical", "insurance"): 153_907,
}
MATRIX[("child-allowance", "tax")] = PROCS["child-allowance"] - MATRIX[("child-allowance", "resident")]
MATRIX[("nhi", "tax")] = PROCS["nhi"] - MATRIX[("nhi", "insurance")]
MATRIX[("specified-medical", "tax")] = PROCS["specified-medical"] - MATRIX[("specified-medical", "insurance")]
for item in ITEMS:
    used = sum(v for (p, i), v in MATRIX.items() if i == item)
    MATRIX[("others", item)] = Q_ITEM[item] - used
assert abs(sum(MATRIX.values()) + DENIED - QUERIES) < 1e-6

LAYOUT = {"tax": 2, "resident": 1, "insurance": 31, "care": 4, "employment": 60, "other": 15}
LAYOUT_NAMES = {
    1: ("住民票関係情報", 1024, 3650), 2: ("地方税関係情報", 2048, 365),
    31: ("医療保険資格関係情報 (番号は仮定 [K])", 1536, 730), 4: ("介護保険給付等関係情報", 1536, 365),
    60: ("雇用保険給付関係情報 (番号は仮定 [K])", 1024, 365), 15: ("その他の特定個人情報 (集約, 番号は仮定 [K])", 1024, 365)}
PROC_NAMES = {"local-tax": "地方税の賦課徴収手続", "child-allowance": "児童手当関係手続", "nhi": "国民健康保険関係手続",
              "student-loan": "学資の貸与関係手続", "specified-medical": "特定医療費の支給関係手続",
              "others": "その他の事務手続 (上位5以外の集約)"}

# How each (procedure, item) is asked: requesters, subjects, provider, batch share [K].
HOW = {
    "local-tax": dict(req={"kind": "municipality"}, subjects="own_residents"),
    "child-allowance": dict(req={"kind": "municipality"}, subjects="own_residents"),
    "nhi": dict(req={"kind": "municipality"}, subjects="own_residents"),
    "student-loan": dict(req={"agencies": ["jasso"]}, subjects="own_members"),
    "specified-medical": dict(req={"kind": "prefecture"}, subjects="own_residents"),
    "others": dict(req={"kind": "municipality"}, subjects="own_residents"),
}
BATCH_SHARE = {"local-tax": 0.5, "child-allowance": 0.5, "nhi": 0.3, "student-loan": 1.0, "specified-medical": 0.2,
               "others": 0.4}
BATCH_SIZE = {"student-loan": 200}


def provider_for(proc, item):
    if item == "insurance":
        return {"select": "insurer"}
    if item == "employment":
        return {"select": "agency", "agency": "mhlw-employment"}
    if proc in ("student-loan", "specified-medical"):
        return {"select": "residence"}
    return {"select": "previous_residence"}


def workload(scale):
    lines = []
    for (proc, item), q in MATRIX.items():
        h = HOW[proc]
        share = BATCH_SHARE[proc] if item == "tax" else 0.0
        parts = [("imm", 1 - share), ("batch", share)]
        for kind, frac in parts:
            if frac <= 0:
                continue
            total = q * frac * scale
            line = {"id": f"{proc}.{item}.{kind}", "procedure": proc, "item": LAYOUT[item], "requesters": h["req"],
                    "subjects": h["subjects"], "provider": provider_for(proc, item), "total": round(total, 3)}
            if kind == "batch":
                # result files are collected by the requester's morning and afternoon batch runs [K]
                line.update({"mode": "batch", "batch_size": BATCH_SIZE.get(proc, 100), "arrivals": "regular",
                             "fetch_at": ["08:30", "13:00"]})
            else:
                line["mode"] = "immediate"
                # Small lines arrive evenly so that their counts match the seed to well within 1 %.
                if total < 400_000 * scale:
                    line["arrivals"] = "regular"
            lines.append(line)
    lines.append({"id": "refused.student-loan", "procedure": "student-loan", "item": 2,
                  "requesters": {"agencies": ["kyosai-local"]}, "subjects": "own_members",
                  "provider": {"select": "residence"}, "total": round(DENIED * scale, 3), "mode": "immediate",
                  "arrivals": "regular"})
    return lines


def permissions():
    rows = []
    for (proc, item) in MATRIX:
        req = HOW[proc]["req"]
        reqm = {"kind": req["kind"]} if "kind" in req else {"agency": req["agencies"][0]}
        prov = provider_for(proc, item)
        provm = ({"kind": "insurer"} if prov["select"] == "insurer" else
                 {"agency": prov["agency"]} if prov["select"] == "agency" else {"kind": "municipality"})
        rows.append({"procedure": proc, "requester": reqm, "provider": provm, "item": LAYOUT[item]})
    return rows


def patch_by_key(base_lines, lines, key):
    """`lines` as a patch of `base_lines` by `key` (scenarios/README.md, extends): the keys that differ, per element.
    Both lists must name the same elements in the same order (a patch by key keeps the base's order)."""
    assert [b[key] for b in base_lines] == [line[key] for line in lines]
    return [{key: line[key], **{k: v for k, v in line.items() if b.get(k) != v}, **{k: None for k in b if k not in line}}
            for b, line in zip(base_lines, lines)
            if b != line]


def within(value, pct=1.0):
    return {"min": round(value * (1 - pct / 100)), "max": round(value * (1 + pct / 100))}


def link(lat, bw):
    return {"latency_ms": lat, "bandwidth_mbps": bw}


def fixed(ms):
    return {"dist": "fixed", "ms": ms}


def expo(ms):
    return {"dist": "exponential", "mean_ms": ms}


def server(site, workers):
    return {"site": site, "workers": workers, "query": expo(10), "lookup": expo(20), "result": expo(10),
            "batch_ms_per_person": 2, "registration_ms_per_record": 0.02}


NATIONAL_BODIES = [("jpo", "日本年金機構", 70_000_000), ("jasso", "日本学生支援機構", 1_300_000),
                   ("mhlw-employment", "厚生労働省 (雇用保険)", 125_000_000),
                   ("kyosai-local", "地方職員共済組合", 3_000_000), ("kyosai-national", "国家公務員共済組合連合会", 1_000_000)]

base = {
    "$schema": "schema/scenario.schema.json",
    "name": "seed-2017-2019",
    "format": 2,
    "description": (
        "Calibration against the seed deck: the whole country from the start of linkage (2017-07-18) to 2019-03-31 "
        "[SEED p.1], 1,741 municipalities (log-normal sizes, 125 million persons), 47 prefectures, 1,700 insurers on "
        "the shared insurer server [W7], five national bodies. Workload lines reproduce the seed's totals "
        f"({QUERIES:,} queries, {PROVISIONS:,} provisions), its top-5 procedures and its top-5 items; queries without a "
        "provision are no_replica (the provider holds no record: coverage shares [K]) plus 1,000 refused. Batch shares, "
        "coverage, latencies and processing times are assumptions [K]. Generated by scenarios/tools/national.py, "
        "which shows the derivation."),
    "seed": 1,
    "calendar": {"start": "2017-07-18T00:00:00+09:00", "duration_days": (SEED_END - SEED_START).days,
                 "business_hours": {"open": "08:30", "close": "17:15"}, "weekend": ["sat", "sun"],
                 "non_business_days": HOLIDAYS},
    "network": {
        "model": "CM02",
        "vpn_device": link(2.0, 100),
        "sites": [
            {"id": "hub-dc", "kind": "hub"},
            {"id": "jlis-dc", "kind": "jlis", "uplink": link(2.0, 1000)},
            {"id": "lg-east", "kind": "lg_platform", "uplink": link(3.0, 10000), "lgwan": link(5.0, 10000)},
            {"id": "lg-west", "kind": "lg_platform", "uplink": link(8.0, 10000), "lgwan": link(5.0, 10000)},
            {"id": "insurer-ims", "kind": "insurer_server", "uplink": link(4.0, 10000), "access": link(6.0, 100)},
        ] + [{"id": f"{b}-ims", "kind": "dedicated_server", "uplink": link(3.0, 1000), "access": link(0.5, 1000)}
             for b, _, _ in NATIONAL_BODIES],
    },
    "hub": {"site": "hub-dc", "workers": 16, "request": {"dist": "lognormal", "median_ms": 15, "sigma": 0.4},
            "response": {"dist": "lognormal", "median_ms": 5, "sigma": 0.4}, "acquisition": fixed(20),
            "batch_ms_per_person": 0.5},
    "jlis": {"site": "jlis-dc", "workers": 4, "processing": fixed(30)},
    "servers": [server("lg-east", 32), server("lg-west", 32), server("insurer-ims", 16)] +
               [server(f"{b}-ims", 8) for b, _, _ in NATIONAL_BODIES],
    "registration": {"window": {"start": "01:00", "end": "05:00"}},
    "layouts": [
        {"number": n, "name": LAYOUT_NAMES[n][0], "record_bytes": LAYOUT_NAMES[n][1],
         "change_interval_days": LAYOUT_NAMES[n][2], "coverage": round(COVERAGE[item], 6),
         "versions": [{"version": "1.0", "valid_from": "2017-07-01",
                       "items": [{"code": f"{n:03d}1"}, {"code": f"{n:03d}2", "zero_rate": 0.3},
                                 {"code": f"{n:03d}3", "empty_rate": 0.1}],
                       "null_rules": [{"item": f"{n:03d}3", "when_zero": f"{n:03d}2", "reason": "NotAcceptable"}]}]}
        for item, n in LAYOUT.items()],
    "procedures": [{"code": c, "name": n} for c, n in PROC_NAMES.items()],
    "agencies": {
        "list": [{"id": b, "name": name, "kind": "national_body", "site": f"{b}-ims", "population": pop}
                 for b, name, pop in NATIONAL_BODIES],
        "generators": [
            {"kind": "prefecture", "count": 47, "id_prefix": "pref-", "sites": ["lg-east", "lg-west"]},
            {"kind": "municipality", "count": 1741, "id_prefix": "muni-", "total_population": 125_000_000,
             "size_sigma": 1.2, "sites": ["lg-east", "lg-west"], "prefecture_prefix": "pref-"},
            {"kind": "insurer", "count": 1700, "id_prefix": "ins-", "total_population": 75_000_000, "size_sigma": 1.5,
             "sites": ["insurer-ims"]},
        ],
    },
    "permissions": permissions(),
    "workload": workload(1.0),
    "expect": (
        [{"name": "queries: the seed's 8,725,223 within 1 %", "metric": "/outcomes/total/all", **within(QUERIES)},
         {"name": "provisions: the seed's 8,032,100 within 1 %", "metric": "/outcomes/total/provided",
          **within(PROVISIONS)}] +
        [{"name": f"provisions of item {LAYOUT[i]} ({i}): {v:,} within 1 %",
          "metric": f"/outcomes/by_item/{LAYOUT[i]}/provided", **within(v)}
         for i, v in ITEMS.items() if i != "other"] +
        [{"name": f"queries for {p}: {v:,} within 1 %", "metric": f"/outcomes/by_procedure/{p}/all", **within(v)}
         for p, v in PROCS.items() if p != "others"] +
        [{"name": "nobody receives another person's data", "metric": "/outcomes/total/wrong_person", "max": 0},
         {"name": "every exchange finished", "metric": "/outcomes/total/unfinished", "max": 0}]),
}

fy = {
    "$schema": "schema/scenario.schema.json",
    "extends": "seed-2017-2019.json",
    "name": "national-fy2018",
    "description": (
        "The whole country for fiscal year 2018 (2018-04-01 to 2019-03-31) at the seed deck's volume and mix: the "
        f"calibration scenario's workload scaled by business days ({BD_FY} of {BD_SEED}), about 14 thousand queries a "
        "calendar day. Generated by scenarios/tools/national.py."),
    "calendar": {"start": "2018-04-01T00:00:00+09:00", "duration_days": (FY_END - FY_START).days},
    "workload": patch_by_key(base["workload"], workload(BD_FY / BD_SEED), "id"),
    "expect": [
        {"$replace": True},
        {"name": "about 14 thousand queries a day over the year", "metric": "/outcomes/total/all",
         **within(QUERIES * BD_FY / BD_SEED, 2)},
        {"name": "nobody receives another person's data", "metric": "/outcomes/total/wrong_person", "max": 0},
        {"name": "every record in an accepted layout version", "metric": "/outcomes/total/wrong_version", "max": 0},
        {"name": "every exchange finished", "metric": "/outcomes/total/unfinished", "max": 0},
        {"name": "immediate queries under 2 s (p95)", "metric": "/latency/end_to_end_immediate/p95_ms", "max": 2000},
    ],
}

# The same traffic over 1.25 million persons (a hundredth): memory must not grow with the population.
small = {
    "$schema": "schema/scenario.schema.json",
    "extends": "national-fy2018.json",
    "name": "national-fy2018-1m25",
    "description": (
        "national-fy2018 with the same agencies and the same traffic over 1.25 million virtual persons instead of "
        "125 million (every population a hundredth): peak memory must not depend on the population. Generated by "
        "scenarios/tools/national.py."),
    "agencies": {
        "list": [{"id": b, "population": pop // 100} for b, _, pop in NATIONAL_BODIES],
        "generators": [{"id_prefix": "muni-", "total_population": 1_250_000},
                       {"id_prefix": "ins-", "total_population": 750_000}],
    },
}

# One month of FY2018 (April 2018) at the same daily volume: the default whole-run benchmark.
MONTH_END = dt.date(2018, 5, 1)
BD_MONTH = business_days(FY_START, MONTH_END)
month = {
    "$schema": "schema/scenario.schema.json",
    "extends": "national-fy2018.json",
    "name": "bench-national-month",
    "description": (
        f"April 2018 of national-fy2018 ({BD_MONTH} business days at the same daily volume): the default scenario of "
        "linksim-bench, which runs it beside a plain SimGrid program moving the same messages. "
        "Generated by scenarios/tools/national.py."),
    "calendar": {"duration_days": (MONTH_END - FY_START).days},
    "workload": patch_by_key(base["workload"], workload(BD_MONTH / BD_SEED), "id"),
    "expect": [
        {"$replace": True},
        {"name": "about 14 thousand queries a day", "metric": "/outcomes/total/all",
         **within(QUERIES * BD_MONTH / BD_SEED, 3)},
        {"name": "nobody receives another person's data", "metric": "/outcomes/total/wrong_person", "max": 0},
    ],
}

root = os.path.join(os.path.dirname(__file__), "..")
for name, doc in (("seed-2017-2019.json", base), ("national-fy2018.json", fy), ("national-fy2018-1m25.json", small),
                  ("bench-national-month.json", month)):
    with open(os.path.join(root, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
print(f"business days: seed window {BD_SEED}, FY2018 {BD_FY}; tax coverage {COVERAGE['tax']:.6f}")
for k, v in sorted(MATRIX.items()):
    print(f"  {k[0]:18s} {k[1]:10s} {v:14,.1f}")

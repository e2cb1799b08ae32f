#!/usr/bin/python3
"""Keeps the JSON Schema and the docs in step with the code's declared tables.

Usage: check_reference.py LINKSIM SCHEMA README

LINKSIM reference --json prints the code's tables (every enum, every default, the sections, the
metric patterns). This checks that
  1. every default of the code is the schema's `default` at that key (and the schema's defaults
     are the code's: a key with a default in the schema has one in the code);
  2. every enum of the code that a scenario uses is the schema's `enum` at its keys;
  3. every key the schema describes appears in README (scenarios/README.md);
  4. README's Reference section is exactly `LINKSIM reference` (markdown);
  5. the schema's metric pointer pattern is the code's (harness/results/ResultShape.cpp).
Prints one line per problem; exit 1 if any.
"""
import json
import re
import subprocess
import sys

# Where each enum of the code is used in a scenario (JSON pointers; * = any element).
ENUM_KEYS = {
    "site_kind": ["/network/sites/*/kind"],
    "agency_kind": ["/agencies/list/*/kind", "/permissions/*/requester/kind", "/permissions/*/provider/kind",
                    "/workload/*/requesters/kind"],
    "subjects": ["/workload/*/subjects"],
    "provider_select": ["/workload/*/provider/select"],
    "mode": ["/workload/*/mode", "/test_cases/*/mode"],
    "hours": ["/workload/*/hours"],
    "arrivals": ["/workload/*/arrivals"],
    "split": ["/workload/*/split"],
    "duration_dist": ["/hub/request/dist"],
    "registration_nights": ["/registration/nights"],
    "manual_mode": ["/agencies/list/*/manual_answer/mode", "/timeline/*/mode"],
    "identity_error_kind": ["/identity_errors/*/kind"],
    "timeline_kind": ["/timeline/*/kind"],
    "revision_kind": ["/revisions/*/kind"],
    "holiday_calendar": ["/calendar/holidays"],
    "weekday": ["/calendar/weekend/*"],
    "network_model": ["/network/model"],
    "check_kind": ["/expect/*/kind"],
    "regime": ["/test_cases/*/regime"],
    "outcome": ["/test_cases/*/expect/outcome"],
    "verification_select": ["/verification/agencies/revision"],
    "resident_code_subcase": ["/timeline/*/subcase"],  # issue 9: incidents (case 2)
    "drill_category": ["/drills/*/category"],  # annual notification drill
    # issue 9: a replica_misregistration's mode shares the timeline key with manual_answer's
    "misregistration_mode": ["/timeline/*/mode"],
    # issue 9: training exercise
    "response_action": ["/exercise/expectations/*/action"],
    "exercise_anchor": ["/exercise/expectations/*/from"],
}
NOT_IN_SCENARIOS = {"case_verdict", "verdict", "timestamp", "hop", "exit_code", "timeline_change", "go_live_miss", "deny_reason"}  # results, not scenario keys


def deref(schema, node):
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        target = schema
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def branches(schema, node):
    """The node and every subschema it combines ($ref, allOf, anyOf, oneOf, if/then/else)."""
    out, todo = [], [node]
    while todo:
        n = todo.pop()
        if not isinstance(n, dict) or any(n is o for o in out):
            continue
        out.append(n)  # a $ref's siblings (description, default) belong to it too
        if "$ref" in n:
            todo.append(deref(schema, n))
        for key in ("allOf", "anyOf", "oneOf"):
            todo += n.get(key, [])
        for key in ("then", "else"):
            if key in n:
                todo.append(n[key])
    return out


def resolve(schema, root, pointer):
    """Every schema node that can describe the value at `pointer` of a scenario."""
    nodes = [root]
    for part in pointer.strip("/").split("/"):
        nxt = []
        for n in nodes:
            for b in branches(schema, n):
                if part == "*":
                    if "items" in b:
                        nxt.append(b["items"])
                elif part in b.get("properties", {}):
                    nxt.append(b["properties"][part])
        nodes = nxt
    return [b for n in nodes for b in branches(schema, n)]


def all_keys(schema):
    keys = set()

    def walk(n):
        if isinstance(n, dict):
            for k, v in n.get("properties", {}).items():
                keys.add(k)
            for v in n.values():
                walk(v)
        elif isinstance(n, list):
            for v in n:
                walk(v)
    walk(schema)
    return keys


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    linksim, schema_path, readme_path = argv[1:]
    ref = json.loads(subprocess.run([linksim, "reference", "--json"], check=True, capture_output=True, text=True).stdout)
    markdown = subprocess.run([linksim, "reference"], check=True, capture_output=True, text=True).stdout
    schema = json.load(open(schema_path, encoding="utf-8"))
    readme = open(readme_path, encoding="utf-8").read()
    root = schema["$defs"]["scenario"]
    problems = []

    for p in ref["params"]:
        nodes = resolve(schema, root, p["pointer"])
        if not nodes:
            problems.append(f"{p['pointer']}: the code declares a default, the schema has no such key")
            continue
        defaults = [n["default"] for n in nodes if "default" in n]
        if not defaults:
            problems.append(f"{p['pointer']}: the schema gives no default; the code's is {json.dumps(p['default'])}")
        for d in defaults:
            if d != p["default"]:
                problems.append(f"{p['pointer']}: the schema's default {json.dumps(d)} is not the code's {json.dumps(p['default'])}")

    # A default the schema gives must be declared by the code, at that key or at a key the schema
    # describes with the same definition (shared $defs: every agency's registration, say).
    declared = {id(n) for p in ref["params"] for n in resolve(schema, root, p["pointer"])}

    def walk_defaults(node, pointer, seen):
        for b in branches(schema, node):
            if id(b) in seen:
                continue
            seen = seen | {id(b)}
            if "default" in b and id(b) not in declared:
                problems.append(f"{pointer}: the schema gives a default the code does not declare (sim/scenario/Params.hpp)")
            for k, v in b.get("properties", {}).items():
                walk_defaults(v, pointer + "/" + k, seen)
            if "items" in b:
                walk_defaults(b["items"], pointer + "/*", seen)
    walk_defaults(root, "", set())

    for enum_id, e in ref["enums"].items():
        if enum_id in NOT_IN_SCENARIOS:
            continue
        if enum_id not in ENUM_KEYS:
            problems.append(f"enum {enum_id}: tests/schema/check_reference.py does not say where scenarios use it")
            continue
        names = [v["name"] for v in e["values"]]
        for pointer in ENUM_KEYS[enum_id]:
            # a key shared by several enums (per the event's kind) takes their union at the top;
            # the kind's branch narrows it (only the full union or this enum's values are compared)
            union = sorted({v["name"] for other, ptrs in ENUM_KEYS.items() if pointer in ptrs
                            for v in ref["enums"].get(other, {"values": []})["values"]})
            enums = [n["enum"] for n in resolve(schema, root, pointer) if "enum" in n]
            enums = [en for en in enums if sorted(en) == union or set(en) <= set(names)] or enums
            if not enums:
                problems.append(f"{pointer}: the schema has no enum for {enum_id} ({', '.join(names)})")
            for en in enums:
                if sorted(en) != sorted(names) and sorted(en) != union:
                    problems.append(f"{pointer}: the schema's enum {en} is not the code's {enum_id} {names}")

    for key in sorted(all_keys(schema)):
        if not re.search(r"(?<![A-Za-z0-9_])" + re.escape(key) + r"(?![A-Za-z0-9_])", readme):
            problems.append(f"key {key!r}: in the schema but not documented in {readme_path}")

    pattern = schema["$defs"]["metricPointer"]["pattern"]
    if pattern != ref["metric_regex"]:
        problems.append("$defs/metricPointer/pattern is not the code's metric_regex (harness/results/ResultShape.cpp): "
                        + ref["metric_regex"])

    m = re.search(r"<!-- reference: begin.*?-->\n(.*?)<!-- reference: end -->", readme, re.S)
    if not m:
        problems.append(f"{readme_path}: no <!-- reference: begin --> ... <!-- reference: end --> section")
    elif m.group(1).strip() != markdown.strip():
        problems.append(f"{readme_path}: the Reference section is not `linksim reference`'s output (regenerate it)")

    for p in problems:
        print("error: " + p)
    if not problems:
        print(f"ok: {len(ref['params'])} defaults, {len(ref['enums'])} enums and every schema key agree with the code and {readme_path}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

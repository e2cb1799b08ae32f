#!/usr/bin/python3
"""Keeps the JSON Schema and the docs in step with the code's declared tables.

Usage: check_reference.py LINKSIM SCHEMA README

LINKSIM reference --json prints the code's tables: every parameter (sim/scenario/Params.hpp) with
its default, its numeric range (type, minimum, maximum, exclusiveMinimum, exclusiveMaximum) or its
names (enum), and the enums, sections and metric patterns. This checks, key by key and in both
directions, that
  1. every default the code declares is the schema's `default` at that key, and every `default`
     of the schema is one the code declares there;
  2. every numeric parameter's type (integer or number) and bounds are the schema's at that key,
     and every bound of the schema (and every "type": "integer") is one the code declares there;
  3. every parameter's names are the schema's `enum` at that key, and every `enum` of the schema
     (but in the conditions of an `if`) is one the code declares there;
  4. every key the schema describes appears in README (scenarios/README.md);
  5. README's Reference section is exactly `LINKSIM reference` (markdown);
  6. the schema's metric pointer pattern is the code's (harness/results/ResultShape.cpp).
A parameter's pointer `<type>/key` is the key of the schema's `$defs/<type>` (a value type).
Prints one line per problem; exit 1 if any.
"""
import json
import re
import subprocess
import sys

BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


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


def resolve_from(schema, start, parts):
    nodes = [start]
    for part in parts:
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


def resolve(schema, pointer):
    """Every schema node that can describe the value at `pointer` of a scenario ("<type>/...":
    of the value type $defs/<type>)."""
    if pointer.startswith("<"):
        name, _, rest = pointer[1:].partition(">")
        if name not in schema["$defs"]:
            return []
        return resolve_from(schema, schema["$defs"][name], [p for p in rest.split("/") if p])
    return resolve_from(schema, schema["$defs"]["scenario"], [p for p in pointer.split("/") if p])


def walk(node, path, visit):
    """Calls visit(node, path) on every subschema but the conditions of an `if` (they select a
    branch; they do not constrain a value)."""
    if isinstance(node, dict):
        visit(node, path)
        for k, v in node.items():
            if k not in ("if", "const", "enum", "default", "examples"):
                walk(v, path + "/" + k, visit)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, path + "/" + str(i), visit)


def all_keys(schema):
    keys = set()

    def visit(n, path):
        keys.update(n.get("properties", {}).keys())
    walk(schema, "", visit)
    return keys


def same_number(a, b):
    return a is None and b is None or a is not None and b is not None and float(a) == float(b)


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    linksim, schema_path, readme_path = argv[1:]
    ref = json.loads(subprocess.run([linksim, "reference", "--json"], check=True, capture_output=True, text=True).stdout)
    markdown = subprocess.run([linksim, "reference"], check=True, capture_output=True, text=True).stdout
    schema = json.load(open(schema_path, encoding="utf-8"))
    readme = open(readme_path, encoding="utf-8").read()
    problems = []
    counts = {"defaults": 0, "numbers": 0, "enums": 0}
    declared_default, declared_number, declared_enum = set(), set(), set()
    compared = set()  # (schema node, bound keyword) pairs compared with the code

    # The names each pointer's parameters allow together (a key shared by two kinds, timeline `mode`).
    union = {}
    for p in ref["params"]:
        if "enum" in p:
            union.setdefault(p["pointer"], set()).update(p["enum"])

    for p in ref["params"]:
        ptr = p["pointer"]
        nodes = resolve(schema, ptr)
        if not nodes:
            problems.append(f"{ptr}: the code declares this key, the schema has no such key")
            continue
        # 1. defaults
        if "default" in p:
            counts["defaults"] += 1
            declared_default.update(id(n) for n in nodes)
            defaults = [n["default"] for n in nodes if "default" in n]
            if not defaults:
                problems.append(f"{ptr}: the schema gives no default; the code's is {json.dumps(p['default'])}")
            for d in defaults:
                if d != p["default"]:
                    problems.append(f"{ptr}: the schema's default {json.dumps(d)} is not the code's {json.dumps(p['default'])}")
        # 2. numeric type and bounds
        if "type" in p:
            counts["numbers"] += 1
            numeric = [n for n in nodes if n.get("type") in ("number", "integer") or any(k in n for k in BOUNDS)]
            declared_number.update(id(n) for n in numeric)
            if not numeric:
                problems.append(f"{ptr}: the code declares a {p['type']} with bounds, the schema no number here")
            for n in numeric:
                if "type" in n and n["type"] != p["type"]:
                    problems.append(f"{ptr}: the schema's type {n['type']} is not the code's {p['type']}")
                for k in BOUNDS:
                    if k in n:
                        compared.add((id(n), k))
                    if not same_number(n.get(k), p.get(k)):
                        code = p.get(k, "none")
                        problems.append(f"{ptr}: the schema's {k} {n.get(k, 'none')} is not the code's {code}")
        # 3. names
        if "enum" in p:
            counts["enums"] += 1
            names = set(p["enum"])
            at = [n for n in nodes if "enum" in n]
            if not at and any("items" in n for n in nodes):  # an array parameter: each element
                at = [n for n in resolve(schema, ptr + "/*") if "enum" in n]
            declared_enum.update(id(n) for n in at)
            if not at:
                problems.append(f"{ptr}: the schema has no enum; the code's names are {sorted(names)}")
            if at and not any(set(n["enum"]) == names for n in at):
                problems.append(f"{ptr}: no enum of the schema is the code's {sorted(names)} (found {[n['enum'] for n in at]})")
            others = [set(q["enum"]) for q in ref["params"] if q["pointer"] == ptr and "enum" in q]
            for n in at:
                if set(n["enum"]) != union[ptr] and set(n["enum"]) not in others:
                    problems.append(f"{ptr}: the schema's enum {n['enum']} is none the code declares here ({sorted(union[ptr])})")

    # The other direction: every default, bound, integer type and enum of the schema is declared.
    def visit(n, path):
        if "default" in n and id(n) not in declared_default:
            problems.append(f"{path}: the schema gives a default the code does not declare (sim/scenario/Params.hpp)")
        if (any(k in n for k in BOUNDS) or n.get("type") == "integer") and id(n) not in declared_number:
            bounds = {k: n[k] for k in BOUNDS if k in n}
            problems.append(f"{path}: the schema's {n.get('type', 'number')} {bounds} is not declared by the code "
                            "(sim/scenario/Params.hpp)")
        if "enum" in n and id(n) not in declared_enum:
            problems.append(f"{path}: the schema's enum {n['enum']} is not declared by the code (sim/scenario/Params.hpp)")
    walk(schema, "#", visit)

    if schema["$defs"]["scenario"]["properties"].get("format", {}).get("maximum") != ref["format"]:
        problems.append(f"/format: the schema's maximum is not the current format {ref['format']}")

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
        print(f"ok: {len(ref['params'])} parameters agree with the schema, key by key both ways: {counts['defaults']} "
              f"defaults, {counts['enums']} enums, {counts['numbers']} numbers with their type and "
              f"{len(compared)} bounds; every schema key is in {readme_path}, its Reference is the code's")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

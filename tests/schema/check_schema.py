#!/usr/bin/python3
"""Validates linksim scenario files against the scenario JSON Schema.

Usage: check_schema.py SCHEMA FILE...

Checks SCHEMA itself (draft 2020-12 meta-schema), then each FILE; prints "ok: FILE" or one
"error: FILE: /json/pointer: what" line per problem, and exits 1 if anything failed (2 on bad usage).
Like harness/Loader.cpp, integers must be integer literals (1, not 1.0), NaN/Infinity are not JSON,
and a file with "extends" is also checked after being merged onto its base as the loader merges it
(harness/scenario/Extends.cpp: an RFC 7386 merge patch, with the arrays of KEYED_ARRAYS patched by key).
Needs only python3-jsonschema (Debian package; 4.10 tested).
"""
import json
import math
import os
import re
import sys

from jsonschema import Draft202012Validator, ValidationError, validators


def ecma_pattern(validator, pattern, instance, schema):
    # "pattern" as editors (ECMA-262) read it: a final "$" is the very end of the string, Python's
    # \Z (Python's "$" also matches before a final newline, so "name\n" would pass).
    python_pattern = re.sub(r"(?<!\\)\$$", r"\\Z", pattern)
    if validator.is_type(instance, "string") and not re.search(python_pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# The loader's integer is an integer literal; jsonschema's "integer" would also take 1.0.
Validator = validators.extend(
    Draft202012Validator,
    validators={"pattern": ecma_pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, x: isinstance(x, int) and not isinstance(x, bool)))


def load(path):
    def no_constant(name):
        raise ValueError(f"{name} is not JSON")

    def finite(text):  # nlohmann rejects 1e400 ("number overflow"); Python would make it inf
        if not math.isfinite(float(text)):
            raise ValueError(f"number overflow parsing {text!r}")
        return float(text)
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_constant=no_constant, parse_float=finite)


# The arrays patched element by element, by key: KEYED_ARRAYS in harness/scenario/Extends.cpp.
KEYED_ARRAYS = {
    "/network/sites": "id", "/servers": "site", "/layouts": "number", "/layouts/*/versions": "version",
    "/layouts/*/versions/*/items": "code", "/layouts/*/versions/*/null_rules": "item", "/procedures": "code",
    "/agencies/list": "id", "/agencies/generators": "id_prefix", "/agencies/overrides": "agency",
    "/permissions": "id", "/delegations": "id", "/revisions": "id", "/revisions/*/layouts": "number", "/workload": "id", "/expect": "name", "/timeline": "id", "/test_cases": "id",
}
OPTIONAL_KEY = {"/permissions"}  # rows without an id are kept, and a patch appends them


class PatchError(ValueError):
    """A patch the loader would refuse: (pointer in the patch file, message)."""

    def __init__(self, pointer, message):
        super().__init__(f"{pointer}: {message}")
        self.pointer, self.message = pointer, message


def keyed_array(path):
    """The (pattern, key) of the keyed array at path (tokens of the merged document), or None."""
    for pattern, key in KEYED_ARRAYS.items():
        parts = pattern.split("/")[1:]
        if len(parts) == len(path) and all(p in ("*", str(t)) for p, t in zip(parts, path)):
            return pattern, key
    return None


def same(a, b):
    """JSON equality (Python's True == 1 is not JSON's)."""
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def merge_patch(target, patch, path=(), at=""):
    """RFC 7386 with the arrays of KEYED_ARRAYS patched by key; path: in the merged document, at: in the patch."""
    if isinstance(patch, dict):
        out = dict(target) if isinstance(target, dict) else {}
        for key, value in patch.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = merge_patch(out.get(key), value, path + (key,), pointer_in(at, key))
        return out
    keyed = keyed_array(path) if isinstance(patch, list) and isinstance(target, list) else None
    if keyed is None:
        return patch
    pattern, key = keyed
    if patch and isinstance(patch[0], dict) and "$replace" in patch[0]:
        if patch[0] != {"$replace": True}:
            raise PatchError(pointer_in(at, 0), 'expected exactly {"$replace": true}')
        return list(patch[1:])
    out, seen = list(target), []
    for i, e in enumerate(patch):
        where = pointer_in(at, i)
        if not isinstance(e, dict):
            raise PatchError(where, f'expected an object with its key "{key}" (this array is patched by key)')
        if "$replace" in e:
            raise PatchError(where, '{"$replace": true} must be the first element of the array')
        if e.get(key) is None:
            if pattern in OPTIONAL_KEY and "$delete" not in e:
                out.append(e)
                continue
            raise PatchError(where, f'an element of a keyed array needs its key "{key}"')
        if any(same(e[key], s) for s in seen):
            raise PatchError(pointer_in(where, key), f'duplicate "{key}" {json.dumps(e[key])} in this array')
        seen.append(e[key])
        j = next((j for j, b in enumerate(out) if isinstance(b, dict) and key in b and same(b[key], e[key])), None)
        if "$delete" in e:
            if len(e) != 2 or e["$delete"] is not True:
                raise PatchError(where, f'expected exactly {{"{key}": ..., "$delete": true}}')
            if j is None:
                raise PatchError(where, f'no element with "{key}": {json.dumps(e[key])} in the base to delete')
            del out[j]
        elif j is None:
            out.append(e)
        else:
            out[j] = merge_patch(out[j], e, path + (j,), where)
    return out


def pointer_in(at, token):
    return f"{at}/{str(token).replace('~', '~0').replace('/', '~1')}"


def resolve_extends(doc, path, depth=0):
    """The document with its "extends" chain applied, as the loader sees it."""
    if not isinstance(doc, dict) or "extends" not in doc:
        return doc
    ext = doc["extends"]
    if not isinstance(ext, str):
        raise ValueError("expected the path of a base scenario (string)")
    if depth >= 8:
        raise ValueError('more than 8 levels of "extends" (a cycle?)')
    base_path = ext if ext.startswith("/") else os.path.join(os.path.dirname(path), ext)
    try:
        base = resolve_extends(load(base_path), base_path, depth + 1)
    except PatchError as e:  # in the base's own patch: not this file's
        raise ValueError(f"{base_path}: {e}") from e
    return merge_patch(base, {k: v for k, v in doc.items() if k != "extends"})


def pointer(parts):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def problems(validator, doc):
    """(pointer, message) for every error, worded like the loader where the schema says how."""
    out = []
    for e in validator.iter_errors(doc):
        schema = e.schema if isinstance(e.schema, dict) else {}
        path = list(e.absolute_path)
        if e.validator == "additionalProperties":
            known = schema.get("properties", {})
            out += [(pointer(path + [k]), f'unknown key "{k}"') for k in e.instance if k not in known]
            continue
        if e.validator == "pattern" and "patternErrorMessage" in schema:
            msg = f"{json.dumps(e.instance, ensure_ascii=False)}: {schema['patternErrorMessage']}"
        elif "errorMessage" in schema:
            msg = schema["errorMessage"]
        else:
            msg = e.message
            if len(repr(e.instance)) > 80:  # anyOf/oneOf/not messages quote the whole instance
                msg = msg.replace(repr(e.instance), "{...}" if isinstance(e.instance, dict) else "[...]")
        out.append((pointer(path), msg))
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema_path, files = argv[1], argv[2:]
    try:
        schema = load(schema_path)
        if "2020-12" not in str(schema.get("$schema")):
            raise ValueError('not a draft 2020-12 JSON Schema (no "$schema" naming 2020-12)')
        Validator.check_schema(schema)
    except Exception as e:  # unreadable, not JSON, or not a valid draft 2020-12 schema
        print(f"error: {schema_path}: {getattr(e, 'message', e)}")
        return 1
    validator = Validator(schema)
    failed = False
    for path in files:
        try:
            doc = load(path)
        except (OSError, ValueError) as e:
            print(f"error: {path}: /: cannot read it as JSON: {e}")
            failed = True
            continue
        found = problems(validator, doc)  # the file as an editor sees it
        if isinstance(doc, dict) and "extends" in doc:
            try:
                merged = problems(validator, resolve_extends(doc, path))
                found += [(p, m + " (after extends)") for p, m in merged if (p, m) not in found]
            except PatchError as e:  # in this file's patch
                found.append((e.pointer, e.message))
            except (OSError, ValueError) as e:
                found.append(("/extends", f"cannot resolve the base scenario: {e}"))
        for p, m in sorted(set(found)):
            print(f"error: {path}: {p}: {m}")
        if not found:
            print(f"ok: {path}")
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

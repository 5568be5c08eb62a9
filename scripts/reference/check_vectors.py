#!/usr/bin/env python3
"""Check every conformance vector in test/vectors/ against the Python reference (settle.py).

Valid vectors: the reference must reproduce `expected` exactly (deep equality, exactShare
included), so every hand computation written in a vector is checked a second time.
Refused vectors: the reference's validator must report the same set of {code, path}; it is a
best-effort validator written from SPEC, so a disagreement here points at the vector or at the
reference, and is worth a look either way.

Also checks the format of each file (fields, naming, numbering) and that every error code of
SPEC section 7 appears in at least one vector.

Usage: python3 scripts/reference/check_vectors.py [VECTOR_DIR]    (exit 0 when all pass)
"""

from __future__ import annotations

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from settle import load_js, settle  # noqa: E402

ERROR_CODES = (
    'invalid_json invalid_field invalid_amount amount_precision invalid_percent '
    'percent_precision percent_out_of_range unknown_currency currency_mismatch invalid_instant '
    'events_out_of_order invalid_transition not_authorized term_already_expired '
    'retention_floor_violated max_cocreators_reached duplicate_cocreator self_cocreation '
    'product_mismatch self_affiliation affiliate_not_permitted affiliates_not_allowed '
    'fee_exceeds_price refund_exceeds_price refund_before_sale invalid_policy'
).split()

NAME_RE = re.compile(r'^[0-9]{3}-[a-z0-9]+(-[a-z0-9]+)*\.json$')


def error_set(errors) -> set:
    return {(e['code'], json.dumps(e['path'])) for e in errors}


def first_difference(a, b, path=()) -> str | None:
    """The path and values of the first place where a and b differ, for a readable failure."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return f'{list(path + (k,))}: expected {a.get(k, "<absent>")!r}, ' \
                       f'reference {b.get(k, "<absent>")!r}'
            d = first_difference(a[k], b[k], path + (k,))
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, path + (i,))
            if d:
                return d
        if len(a) != len(b):
            return f'{list(path)}: expected {len(a)} items, reference {len(b)}'
        return None
    if a != b or type(a) is not type(b):
        return f'{list(path)}: expected {a!r}, reference {b!r}'
    return None


def run_reference(vector) -> dict:
    if 'documentText' in vector:
        try:
            doc = load_js(vector['documentText'])
        except ValueError:
            return {'ok': False, 'errors': [{'code': 'invalid_json', 'path': []}]}
    else:
        doc = vector['document']
    return settle(doc)


def check_file(path: str) -> list[str]:
    problems = []
    with open(path, encoding='utf-8') as fh:
        text = fh.read()
    vector = load_js(text)
    plain = json.loads(text)  # the file must also be plain JSON for other languages
    keys = set(plain)
    allowed = {'description', 'spec', 'document', 'documentText', 'expected'}
    if keys - allowed:
        problems.append(f'unknown keys {sorted(keys - allowed)}')
    if ('document' in keys) == ('documentText' in keys):
        problems.append('needs exactly one of document / documentText')
    for k in ('description', 'spec', 'expected'):
        if k not in keys:
            problems.append(f'missing {k}')
    if problems:
        return problems
    if not isinstance(plain['description'], str) or len(plain['description']) < 20:
        problems.append('description too short')
    if not re.match(r'^[0-9]+(\.[0-9]+)?(, [0-9]+(\.[0-9]+)?)*$', plain['spec']):
        problems.append(f'bad spec refs {plain["spec"]!r}')
    expected = plain['expected']
    try:
        actual = run_reference(vector)
    except Exception as e:  # a crash of the reference is a finding, not a pass
        return [f'reference raised {type(e).__name__}: {e}']
    if expected.get('ok') is True:
        diff = first_difference(expected, actual)
        if diff:
            problems.append('reference output differs at ' + diff)
    elif expected.get('ok') is False:
        errs = expected.get('errors')
        if not errs or any(set(e) != {'code', 'path'} for e in errs):
            problems.append('errors must be a non-empty list of {code, path}')
        elif any(e['code'] not in ERROR_CODES for e in errs):
            problems.append('unknown error code')
        elif len(error_set(errs)) != len(errs):
            problems.append('duplicate errors')
        elif actual.get('ok') is not False or error_set(actual['errors']) != error_set(errs):
            problems.append('reference disagrees:\n  expected ' + json.dumps(errs)
                            + '\n  actual   ' + json.dumps(actual))
    else:
        problems.append('expected.ok must be true or false')
    return problems


def main(argv: list[str]) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    vdir = argv[1] if len(argv) > 1 else os.path.join(here, '..', '..', 'test', 'vectors')
    files = sorted(f for f in os.listdir(vdir) if f.endswith('.json'))
    failures = 0
    codes_seen: set[str] = set()
    valid = refused = 0
    numbers = []
    for f in files:
        if not NAME_RE.match(f):
            print(f'FAIL {f}: file name must be NNN-short-name.json')
            failures += 1
            continue
        numbers.append(int(f[:3]))
        problems = check_file(os.path.join(vdir, f))
        with open(os.path.join(vdir, f), encoding='utf-8') as fh:
            expected = json.load(fh)['expected']
        if expected.get('ok') is True:
            valid += 1
        else:
            refused += 1
            codes_seen.update(e['code'] for e in expected.get('errors') or [])
        if problems:
            failures += 1
            print(f'FAIL {f}')
            for p in problems:
                print('  ' + p)
    if numbers != list(range(1, len(numbers) + 1)):
        print('FAIL numbering: vectors must be numbered 001, 002, ... without gaps or repeats')
        failures += 1
    missing = [c for c in ERROR_CODES if c not in codes_seen]
    if missing:
        print(f'FAIL no vector for error codes: {", ".join(missing)}')
        failures += 1
    print(f'{len(files)} vectors ({valid} settled, {refused} refused), {failures} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Check every conformance vector in test/vectors/ against the Python reference (settle.py).

Valid vectors: the reference must reproduce `expected` exactly (deep equality, exactShare
included), so every hand computation written in a vector is checked a second time.
Refused vectors: the reference must report every {code, path} of `errors`, may report those of
`optionalErrors`, and nothing else (see test/vectors/README.md); a disagreement points at the
vector or at the reference, and is worth a look either way.
Raw-byte vectors (`documentBase64`) and JSONL vectors (`jsonlBase64`, `expectedLines`,
`expectedExit`) are run through the reference's byte-level entry points.

Also checks the format of each file (fields, naming, numbering) and that every error code of
section 7 of docs/specification.md appears in at least one vector.

Usage: python3 scripts/reference/check_vectors.py [VECTOR_DIR]    (exit 0 when all pass)
"""

from __future__ import annotations

import json
import os
import re
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import base64  # noqa: E402

from settle import load_js, settle, settle_bytes, settle_jsonl, settle_text  # noqa: E402

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
        return settle_text(vector['documentText'])
    if 'documentBase64' in vector:
        return settle_bytes(base64.b64decode(vector['documentBase64'], validate=True))
    return settle(vector['document'])


def check_expected(expected, actual, where: str) -> list[str]:
    """Problems of one expected output against the reference's actual output."""
    problems = []
    if not isinstance(expected, dict):
        return [f'{where}: must be an object']
    if expected.get('ok') is True:
        if set(expected) - {'ok', 'settlement', 'refunds'}:
            problems.append(f'{where}: a success has only ok, settlement, refunds')
        diff = first_difference(expected, actual)
        if diff:
            problems.append(f'{where}: reference output differs at ' + diff)
        return problems
    if expected.get('ok') is not False:
        return [f'{where}: ok must be true or false']
    if set(expected) - {'ok', 'errors', 'optionalErrors'}:
        return [f'{where}: a refusal has only ok, errors, optionalErrors']
    errs = expected.get('errors')
    optional = expected.get('optionalErrors', [])
    if not isinstance(errs, list) or not isinstance(optional, list) or not errs + optional:
        return [f'{where}: errors (and optionalErrors) must be lists, not both empty']
    if 'optionalErrors' in expected and not optional:
        return [f'{where}: optionalErrors, when present, is not empty']
    both = errs + optional
    if any(not isinstance(e, dict) or set(e) != {'code', 'path'} for e in both):
        return [f'{where}: every error is exactly {{code, path}}']
    if any(e['code'] not in ERROR_CODES for e in both):
        return [f'{where}: unknown error code']
    if len(error_set(both)) != len(both):
        return [f'{where}: an error is listed twice (in errors and optionalErrors together)']
    if actual.get('ok') is not False:
        return [f'{where}: reference settled:\n  ' + json.dumps(actual)]
    got, required, allowed = (error_set(actual['errors']), error_set(errs), error_set(both))
    if not required <= got or not got <= allowed or not got:
        problems.append(f'{where}: reference disagrees:\n  expected ' + json.dumps(errs)
                        + ('\n  optional ' + json.dumps(optional) if optional else '')
                        + '\n  actual   ' + json.dumps(actual['errors']))
    return problems


DOCUMENT_KEYS = ('document', 'documentText', 'documentBase64')
JSONL_KEYS = ('jsonlBase64', 'expectedLines', 'expectedExit')


def check_file(path: str) -> list[str]:
    problems = []
    with open(path, encoding='utf-8') as fh:
        text = fh.read()
    vector = load_js(text)
    plain = json.loads(text)  # the file must also be plain JSON for other languages
    keys = set(plain)
    jsonl = 'jsonlBase64' in keys
    allowed = {'description', 'spec'} | (set(JSONL_KEYS) if jsonl
                                         else set(DOCUMENT_KEYS) | {'expected'})
    if keys - allowed:
        problems.append(f'unknown keys {sorted(keys - allowed)}')
    if jsonl:
        for k in JSONL_KEYS:
            if k not in keys:
                problems.append(f'missing {k}')
    elif sum(k in keys for k in DOCUMENT_KEYS) != 1:
        problems.append('needs exactly one of ' + ' / '.join(DOCUMENT_KEYS))
    for k in ('description', 'spec') + (() if jsonl else ('expected',)):
        if k not in keys:
            problems.append(f'missing {k}')
    if problems:
        return problems
    if not isinstance(plain['description'], str) or len(plain['description']) < 20:
        problems.append('description too short')
    if not re.match(r'^[0-9]+(\.[0-9]+)?(, [0-9]+(\.[0-9]+)?)*$', plain['spec']):
        problems.append(f'bad spec refs {plain["spec"]!r}')
    if 'documentText' in plain and (re.search(r'[\r\n]', plain['documentText'])
                                    or plain['documentText'].startswith('\ufeff')):
        problems.append('documentText has no line break and no leading BOM (use documentBase64)')
    try:
        if jsonl:
            data = base64.b64decode(plain['jsonlBase64'], validate=True)
            if not data.endswith(b'\n'):
                problems.append('jsonlBase64 ends with a line break')
            outputs, status = settle_jsonl(data)
            lines = plain['expectedLines']
            if not isinstance(lines, list) or len(lines) != len(outputs):
                problems.append(f'expectedLines has {len(lines)} items, the input '
                                f'{len(outputs)} lines')
            else:
                for i, (exp, act) in enumerate(zip(lines, outputs)):
                    problems += check_expected(exp, act, f'line {i + 1}')
            want = 0 if all(isinstance(x, dict) and x.get('ok') is True for x in lines) else 1
            if plain['expectedExit'] != want:
                problems.append(f'expectedExit must be {want} for these expected lines')
            if status != plain['expectedExit']:
                problems.append(f'reference exited {status}, expected {plain["expectedExit"]}')
        else:
            problems += check_expected(plain['expected'], run_reference(vector), 'expected')
    except Exception as e:  # a crash of the reference is a finding, not a pass
        return [f'reference raised {type(e).__name__}: {e}']
    return problems


def expected_outputs(vector) -> list:
    return vector['expectedLines'] if 'expectedLines' in vector else [vector['expected']]


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
            outputs = expected_outputs(json.load(fh))
        if all(isinstance(o, dict) and o.get('ok') is True for o in outputs):
            valid += 1
        else:
            refused += 1
        for o in outputs:
            if isinstance(o, dict) and o.get('ok') is False:
                codes_seen.update(e.get('code') for e in o.get('errors', []))
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
    print(f'{len(files)} vectors ({valid} settled, {refused} refused or mixed), '
          f'{failures} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

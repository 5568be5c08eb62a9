#!/usr/bin/env python3
"""Independent reference implementation of the specification (docs/specification.md, v2).

Written from the specification alone, without reading the TypeScript library, so that the
conformance vectors in test/vectors/ are checked by a second implementation: the arithmetic of
sections 5 and 6, and the validator of section 7 with its two stages (reading, then the rules
of the product), type before syntax, the bounds of section 8, the currency table, a leading
BOM and invalid UTF-8. Python 3 standard library only; money is int minor units, percents are
fractions.Fraction, never float.

Usage:
    python3 scripts/reference/settle.py FILE.json    # a document, or a one-document vector
    python3 scripts/reference/settle.py < doc.json
    python3 scripts/reference/settle.py --jsonl < docs.jsonl

The validator follows the path conventions of test/vectors/README.md. It exists to catch
mistakes in hand-written vectors; it is not a second product and is not shipped.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from fractions import Fraction

# ---------------------------------------------------------------------------------------------
# JSON with JavaScript number semantics (section 8: a number is read as `String(n)` prints it)


class JsNum:
    """A JSON number as JavaScript holds it: a float64, and the text `String(n)` prints."""

    __slots__ = ('value', 'text')

    def __init__(self, value: float) -> None:
        self.value = value
        self.text = js_number_to_string(value)

    def __repr__(self) -> str:
        return f'JsNum({self.text})'


def js_number_to_string(x: float) -> str:
    """ECMAScript Number::toString(10): shortest round-trip digits, exponent outside 1e-7..1e21."""
    if x != x:
        return 'NaN'
    if x in (float('inf'), float('-inf')):
        return 'Infinity' if x > 0 else '-Infinity'
    if x == 0:
        return '0'
    if x < 0:
        return '-' + js_number_to_string(-x)
    d = Decimal(repr(x)).normalize()
    sign, digit_tuple, exp = d.as_tuple()
    digits = ''.join(str(c) for c in digit_tuple)
    k = len(digits)
    n = exp + k  # position of the decimal point relative to the digits
    if k <= n <= 21:
        return digits + '0' * (n - k)
    if 0 < n <= 21:
        return digits[:n] + '.' + digits[n:]
    if -6 < n <= 0:
        return '0.' + '0' * (-n) + digits
    e = n - 1
    es = ('+' if e >= 0 else '-') + str(abs(e))
    if k == 1:
        return digits + 'e' + es
    return digits[0] + '.' + digits[1:] + 'e' + es


def _reject_constant(name: str) -> None:
    raise ValueError(f'not JSON: {name}')


def load_js(text: str):
    """Parse JSON text like JSON.parse: numbers become JsNum, duplicate keys: the last wins."""
    return json.loads(
        text,
        # float() of the text rounds like JavaScript and gives inf where JavaScript has Infinity
        parse_float=lambda s: JsNum(float(s)),
        parse_int=lambda s: JsNum(float(s)),
        parse_constant=_reject_constant,
        object_pairs_hook=lambda pairs: dict(pairs),
    )


# ---------------------------------------------------------------------------------------------
# Currencies (section 8): the codes of ISO 4217 list one in force on 2026-01-01 that have a
# numeric minor unit, with it as the exponent (XAD, the Arab Monetary Fund's accounting dinar,
# amendment 179 of 2025, included), plus BGN. Withdrawn codes (ANG, CUC, HRK, SLL, ZWL) and
# codes whose minor unit is N.A. (XAU, XDR, XSU, XUA, XXX, ...) are unknown.

_EXP0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split()
_EXP3 = 'BHD IQD JOD KWD LYD OMR TND'.split()
_EXP4 = 'CLF UYW'.split()
_EXP2 = (
    'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN '
    'BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP '
    'GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT '
    'LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN '
    'NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE '
    'SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES '
    'WST XAD XCD XCG YER ZAR ZMW ZWG'
).split()
CURRENCY_EXPONENT = {
    **{c: 0 for c in _EXP0},
    **{c: 2 for c in _EXP2},
    **{c: 3 for c in _EXP3},
    **{c: 4 for c in _EXP4},
}

# ---------------------------------------------------------------------------------------------
# Policies (section 2)

PRESETS = {
    'hotmart': {
        'minRetainedPercent': Fraction(30),
        'cocreatorPercent': {'min': Fraction(1, 100), 'max': Fraction(70)},
        'percentDecimals': 2,
        'maxCocreators': None,
        'affiliatesOnCocreatedProducts': True,
        'cancellation': 'mutual',
        'amendments': 'cocreator-approval',
        'fee': None,
    },
    'kiwify': {
        'minRetainedPercent': Fraction(20),
        'cocreatorPercent': {'min': Fraction(1), 'max': Fraction(80)},
        'percentDecimals': 0,
        'maxCocreators': None,
        'affiliatesOnCocreatedProducts': True,
        'cancellation': 'mutual',
        'amendments': 'cocreator-approval',
        'fee': None,
    },
    'gumroad': {
        'minRetainedPercent': Fraction(50),
        'cocreatorPercent': {'min': Fraction(1), 'max': Fraction(50)},
        'percentDecimals': 2,
        'maxCocreators': 1,
        'affiliatesOnCocreatedProducts': False,
        'cancellation': 'unilateral',
        'amendments': 'immediate',
        'fee': None,
    },
}

RESERVED_KEYS = ('__proto__', 'constructor', 'prototype')
APPLIES_TO = ('all-sales', 'direct-sales', 'affiliate-sales', 'managed-affiliate-sales')
EVENT_TYPES = (
    'invited', 'accepted', 'declined', 'withdrawn', 'amendment-proposed', 'amendment-approved',
    'amendment-declined', 'amendment-withdrawn', 'amended', 'cancellation-requested',
    'cancellation-approved', 'cancellation-rejected', 'cancellation-withdrawn', 'cancelled',
)
TERMS_EVENTS = ('invited', 'amendment-proposed', 'amended')
ENDING_EVENTS = ('declined', 'withdrawn', 'cancellation-approved', 'cancelled')

# \Z, not $: in Python's re, $ also matches before a final line break, and "10\n" is no
# decimal (section 8's grammar), nor is an instant with a line break after it.
DECIMAL_RE = re.compile(r'^[0-9]+(\.[0-9]+)?\Z')
INSTANT_RE = re.compile(
    r'^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})'
    r'(?:\.([0-9]{1,9}))?(Z|[+-][0-9]{2}:[0-9]{2})\Z'
)

# ---------------------------------------------------------------------------------------------
# Value parsing. Each returns (value, error) where error is (code, path) or None.


class Invalid(Exception):
    def __init__(self, code: str, path: list) -> None:
        super().__init__(code, path)
        self.code = code
        self.path = path


def is_obj(v) -> bool:
    return isinstance(v, dict)


def decimal_text(v, path, bad_syntax_code, max_chars, max_decimals=None):
    """The decimal text of a string or JSON number, as section 8 reads it, within its bounds.

    Type before syntax: anything but a string or a number is invalid_field; a string or number
    whose text breaks the grammar or the bounds gets the syntax code.
    """
    if isinstance(v, JsNum):
        text = v.text
    elif isinstance(v, str):
        text = v
    else:
        raise Invalid('invalid_field', path)
    if len(text) > max_chars or not DECIMAL_RE.match(text):
        raise Invalid(bad_syntax_code, path)
    if max_decimals is not None and '.' in text and len(text.split('.')[1]) > max_decimals:
        raise Invalid(bad_syntax_code, path)
    return text


AMOUNT_MAX_CHARS = 1000
PERCENT_MAX_CHARS = 1100
PERCENT_MAX_DECIMALS = 1000
ID_MAX_UNITS = 1000
ACCOUNT_MAX_UNITS = 320
MAX_SAFE_INTEGER = 2**53 - 1


def parse_percent(v, path):
    """(Fraction, decimals as written)."""
    text = decimal_text(v, path, 'invalid_percent', PERCENT_MAX_CHARS, PERCENT_MAX_DECIMALS)
    places = len(text.split('.')[1]) if '.' in text else 0
    return Fraction(text), places


def percent_str(p: Fraction) -> str:
    """Shortest form: '20', '12.5', '33.333333'."""
    return exact_decimal_str(p, 0)


def parse_amount(v, exponent, currency, path):
    text = decimal_text(v, path, 'invalid_amount', AMOUNT_MAX_CHARS)
    whole, _, frac = text.partition('.')
    if len(frac) > exponent:
        raise Invalid('amount_precision', path)
    return int(whole) * 10**exponent + (int(frac.ljust(exponent, '0')) if exponent else 0)


def format_minor(minor: int, exponent: int) -> str:
    """Exactly `exponent` decimals; zero is never printed with a minus sign."""
    sign = '-' if minor < 0 else ''
    m = abs(minor)
    if exponent == 0:
        return f'{sign}{m}'
    s = str(m).rjust(exponent + 1, '0')
    return f'{sign}{s[:-exponent]}.{s[-exponent:]}'


def exact_decimal_str(value: Fraction, min_decimals: int) -> str:
    """A terminating decimal, at least `min_decimals` places, no other trailing zeros."""
    if value < 0:
        raise ValueError('negative exact share')
    # The denominator is 2^a 5^b for a terminating decimal, which then needs max(a, b) places;
    # percents may have up to 1000 places (section 8), so no small cap on them.
    d, twos, fives = value.denominator, 0, 0
    while d % 2 == 0:
        d, twos = d // 2, twos + 1
    while d % 5 == 0:
        d, fives = d // 5, fives + 1
    if d != 1:
        raise ValueError(f'non-terminating decimal {value}')
    places = max(twos, fives)
    places = max(places, min_decimals)
    scaled = int(value * 10**places)
    s = str(scaled).rjust(places + 1, '0')
    return s if places == 0 else f'{s[:-places]}.{s[-places:]}'


def _days_from_civil(y: int, m: int, d: int) -> int:
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z: int):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def _days_in_month(y: int, m: int) -> int:
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


def parse_instant(v, path) -> int:
    """Epoch milliseconds (fraction truncated to ms)."""
    if not isinstance(v, str):
        raise Invalid('invalid_field', path)
    m = INSTANT_RE.match(v)
    if not m:
        raise Invalid('invalid_instant', path)
    y, mo, d, hh, mi, ss = (int(m.group(i)) for i in range(1, 7))
    frac = m.group(7) or ''
    off = m.group(8)
    if not (1 <= y <= 9999 and 1 <= mo <= 12 and 1 <= d <= _days_in_month(y, mo)):
        raise Invalid('invalid_instant', path)
    if hh > 23 or mi > 59 or ss > 59:
        raise Invalid('invalid_instant', path)
    ms = int(frac[:3].ljust(3, '0')) if frac else 0
    off_min = 0
    if off != 'Z':
        oh, om = int(off[1:3]), int(off[4:6])
        if oh > 23 or om > 59:
            raise Invalid('invalid_instant', path)
        off_min = (oh * 60 + om) * (1 if off[0] == '+' else -1)
    epoch = ((_days_from_civil(y, mo, d) * 24 + hh) * 60 + mi - off_min) * 60_000 + ss * 1000 + ms
    uy = _civil_from_days(epoch // 86_400_000)[0]
    if not 1 <= uy <= 9999:
        raise Invalid('invalid_instant', path)
    return epoch


def format_instant(epoch_ms: int) -> str:
    days, rest = divmod(epoch_ms, 86_400_000)
    y, m, d = _civil_from_days(days)
    hh, rest = divmod(rest, 3_600_000)
    mi, rest = divmod(rest, 60_000)
    ss, ms = divmod(rest, 1000)
    return f'{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mi:02d}:{ss:02d}.{ms:03d}Z'


# JavaScript's String.prototype.trim removes WhiteSpace and LineTerminator code points.
_JS_WS = set('\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008'
             '\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff')


def utf16_units(s: str) -> int:
    """Length in UTF-16 code units (JavaScript's .length); lone surrogates count one each."""
    return sum(2 if ord(c) > 0xFFFF else 1 for c in s)


def read_id(v, path) -> str:
    """Section 1: ids are non-empty strings of at most 1000 UTF-16 code units, kept as written."""
    if not isinstance(v, str) or not v or utf16_units(v) > ID_MAX_UNITS:
        raise Invalid('invalid_field', path)
    return v


def normalise_account(v, path) -> str:
    if not isinstance(v, str):
        raise Invalid('invalid_field', path)
    s = v
    while s and s[0] in _JS_WS:
        s = s[1:]
    while s and s[-1] in _JS_WS:
        s = s[:-1]
    # Length in UTF-16 code units.
    if not s or utf16_units(s) > ACCOUNT_MAX_UNITS:
        raise Invalid('invalid_field', path)
    return ''.join(chr(ord(c) + 32) if 'A' <= c <= 'Z' else c for c in s)


# ---------------------------------------------------------------------------------------------
# Document reading (shape). Collects every problem it finds.


class Reader:
    def __init__(self) -> None:
        self.errors: list[tuple[str, list]] = []

    def fail(self, code, path) -> None:
        self.errors.append((code, list(path)))

    def attempt(self, fn, *args):
        try:
            return fn(*args)
        except Invalid as e:
            self.fail(e.code, e.path)
            return None

    def obj(self, v, path, required, optional) -> dict | None:
        """Check an object's keys; returns {key: value} with null optional values removed."""
        if not is_obj(v):
            self.fail('invalid_field', path)
            return None
        out = {}
        for k, val in v.items():
            if k in RESERVED_KEYS or (k not in required and k not in optional):
                self.fail('invalid_field', path + [k])
            elif val is None and k in optional:
                continue
            else:
                out[k] = val
        for k in required:
            if k not in out:
                self.fail('invalid_field', path + [k])
        return out

    def string(self, v, path):
        if not isinstance(v, str):
            self.fail('invalid_field', path)
            return None
        return v

    def boolean(self, v, path):
        if not isinstance(v, bool):
            self.fail('invalid_field', path)
            return None
        return v

    def money(self, v, path):
        """(minor units, currency), or None. The amount's syntax and bounds are checked even
        when the currency is unknown; its precision needs a known currency."""
        o = self.obj(v, path, ('amount', 'currency'), ())
        if o is None:
            return None
        cur = None
        if 'currency' in o:
            cur = o['currency']
            if not isinstance(cur, str):
                self.fail('invalid_field', path + ['currency'])
                cur = None
            elif cur not in CURRENCY_EXPONENT:
                self.fail('unknown_currency', path + ['currency'])
                cur = None
        if 'amount' not in o:
            return None
        if cur is None:
            self.attempt(decimal_text, o['amount'], path + ['amount'], 'invalid_amount',
                         AMOUNT_MAX_CHARS)
            return None
        minor = self.attempt(parse_amount, o['amount'], CURRENCY_EXPONENT[cur], cur,
                             path + ['amount'])
        return None if minor is None else (minor, cur)


UNREAD = object()  # a policy field that is missing or broken (its problem is reported)


def read_policy(r: Reader, v, path):
    if v is None:
        return dict(PRESETS['hotmart'])
    if isinstance(v, str):
        if v not in PRESETS:
            r.fail('invalid_policy', path)
            return None
        return dict(PRESETS[v])
    fields = ('minRetainedPercent', 'cocreatorPercent', 'percentDecimals', 'maxCocreators',
              'affiliatesOnCocreatedProducts', 'cancellation', 'amendments')
    if not is_obj(v):
        r.fail('invalid_field', path)
        return None
    n_err = len(r.errors)
    base = None
    ext = v.get('extends')
    if ext is not None:
        # A broken `extends` still lets every other field be read (every problem is reported,
        # section 7), but then no field is required, and absent ones are unknown.
        if not isinstance(ext, str):
            r.fail('invalid_field', path + ['extends'])
        elif ext not in PRESETS:
            r.fail('invalid_policy', path + ['extends'])
        else:
            base = PRESETS[ext]
    # maxCocreators: null is a value, not "absent".
    o = {}
    for k, val in v.items():
        if k in RESERVED_KEYS or (k not in fields and k not in ('extends', 'fee')):
            r.fail('invalid_field', path + [k])
        elif val is None and k != 'maxCocreators':
            continue
        else:
            o[k] = val
    if ext is None:
        for k in fields:
            if k not in o:
                r.fail('invalid_field', path + [k])
    # A field that is missing or could not be read is UNREAD; the invariants below check
    # only the values that were read (a broken field already has its type or syntax code).
    pol = {k: UNREAD for k in fields}
    pol['cocreatorPercent'] = {'min': UNREAD, 'max': UNREAD}
    pol.update({k: (dict(val) if isinstance(val, dict) else val)
                for k, val in (base or {}).items()})

    def pct(val, p):
        res = r.attempt(parse_percent, val, p)
        return UNREAD if res is None else res[0]

    if 'minRetainedPercent' in o:
        pol['minRetainedPercent'] = pct(o['minRetainedPercent'], path + ['minRetainedPercent'])
    if 'cocreatorPercent' in o:
        cp = r.obj(o['cocreatorPercent'], path + ['cocreatorPercent'],
                   ('min', 'max') if ext is None else (), () if ext is None else ('min', 'max'))
        if cp is None:
            pol['cocreatorPercent'] = {'min': UNREAD, 'max': UNREAD}
        else:
            merged = dict(pol['cocreatorPercent'])
            for k in ('min', 'max'):
                if k in cp:
                    merged[k] = pct(cp[k], path + ['cocreatorPercent', k])
            pol['cocreatorPercent'] = merged
    # Integers of a policy: a JSON number is the right type; whether it is a whole number in
    # range is the policy's own invariant (invalid_policy), 1e21 and 2**53 included.
    for k in ('percentDecimals', 'maxCocreators'):
        if k in o:
            val = o[k]
            if val is None and k == 'maxCocreators':
                pol[k] = None
            elif not isinstance(val, JsNum):
                r.fail('invalid_field', path + [k])
                pol[k] = UNREAD
            elif val.value in (float('inf'), float('-inf')):
                # 1e400 in the text is a float64 infinity: a number, so the right type, and
                # larger than any bound (section 2), so the policy's own rule refuses it.
                r.fail('invalid_policy', path + [k])
                pol[k] = UNREAD
            else:
                pol[k] = Fraction(val.value)
    if 'affiliatesOnCocreatedProducts' in o:
        b = r.boolean(o['affiliatesOnCocreatedProducts'], path + ['affiliatesOnCocreatedProducts'])
        pol['affiliatesOnCocreatedProducts'] = UNREAD if b is None else b
    for k, allowed in (('cancellation', ('mutual', 'unilateral')),
                       ('amendments', ('cocreator-approval', 'immediate'))):
        if k in o:
            val = r.string(o[k], path + [k])
            if val is not None and val not in allowed:
                r.fail('invalid_policy', path + [k])
            pol[k] = val
    pol.setdefault('fee', None)
    if 'fee' in o:
        fo = r.obj(o['fee'], path + ['fee'], (), ('percent', 'fixed'))
        if fo is not None:
            fee = {'percent': Fraction(0), 'fixed': {}}
            if 'percent' in fo:
                fp = pct(fo['percent'], path + ['fee', 'percent'])
                if fp is not UNREAD and fp > 100:
                    r.fail('invalid_policy', path + ['fee', 'percent'])
                fee['percent'] = fp
            if 'fixed' in fo:
                fx = fo['fixed']
                if not is_obj(fx):
                    r.fail('invalid_field', path + ['fee', 'fixed'])
                else:
                    for cur, amt in fx.items():
                        p = path + ['fee', 'fixed', cur]
                        if cur in RESERVED_KEYS:
                            r.fail('invalid_field', p)
                        elif cur not in CURRENCY_EXPONENT:
                            r.fail('unknown_currency', p)  # whatever its value
                        elif amt is None:
                            continue  # an entry whose value is null is absent
                        else:
                            fee['fixed'][cur] = r.attempt(
                                parse_amount, amt, CURRENCY_EXPONENT[cur], cur, p)
            pol['fee'] = fee
    # Invariants of section 2, each on its own over the values that were read: every problem
    # is reported (section 7), a broken field never hides a rule the others break.
    mr = pol['minRetainedPercent']
    if mr is not UNREAD and not mr < 100:
        r.fail('invalid_policy', path + ['minRetainedPercent'])
        # The library's decision (docs/specification.md, section 2): a value that breaks its own
        # rule counts as unread, so the rule that uses it (max <= 100 - minRetained) is not checked.
        mr = UNREAD
    cp = pol['cocreatorPercent']
    if cp['min'] is not UNREAD and (not cp['min'] > 0 or (
            cp['max'] is not UNREAD and not cp['min'] <= cp['max'])):
        r.fail('invalid_policy', path + ['cocreatorPercent', 'min'])
    if cp['max'] is not UNREAD and mr is not UNREAD and not cp['max'] <= 100 - mr:
        r.fail('invalid_policy', path + ['cocreatorPercent', 'max'])
    pd = pol['percentDecimals']
    if pd is not UNREAD and (
            not (pd.denominator == 1 if isinstance(pd, Fraction) else True) or not 0 <= pd <= 6):
        r.fail('invalid_policy', path + ['percentDecimals'])
    mc = pol['maxCocreators']
    if mc is not UNREAD and mc is not None and (
            Fraction(mc).denominator != 1 or not 1 <= mc <= MAX_SAFE_INTEGER):
        r.fail('invalid_policy', path + ['maxCocreators'])
    return None if len(r.errors) > n_err else pol


def read_terms(r: Reader, v, path, is_patch: bool):
    """Terms (invitation) or a patch (amendment): dict of the fields named."""
    o = r.obj(v, path, () if is_patch else ('percent',),
              ('appliesTo', 'endsAt', 'mayAlsoSellAsAffiliate') + (('percent',) if is_patch else ()))
    if o is None:
        return None
    t = {}
    if 'percent' in o:
        t['percent'] = r.attempt(parse_percent, o['percent'], path + ['percent'])
    if 'appliesTo' in o:
        a = r.string(o['appliesTo'], path + ['appliesTo'])
        if a is not None and a not in APPLIES_TO:
            r.fail('invalid_field', path + ['appliesTo'])
        t['appliesTo'] = a
    if is_patch and is_obj(v) and 'endsAt' in v and v['endsAt'] is None:
        t['endsAt'] = None  # an amendment's `endsAt: null` makes the term unlimited
    elif 'endsAt' in o:
        t['endsAt'] = r.attempt(parse_instant, o['endsAt'], path + ['endsAt'])
    if 'mayAlsoSellAsAffiliate' in o:
        t['mayAlsoSellAsAffiliate'] = r.boolean(o['mayAlsoSellAsAffiliate'],
                                                path + ['mayAlsoSellAsAffiliate'])
    if is_patch and not t:
        r.fail('invalid_field', path)
    if not is_patch:
        t.setdefault('appliesTo', 'all-sales')
        t.setdefault('endsAt', None)
        t.setdefault('mayAlsoSellAsAffiliate', False)
    return t


def read_document(doc):
    r = Reader()
    top = r.obj(doc, [], ('product', 'contracts', 'sale'), ('policy', 'refunds'))
    if top is None:
        return None, r.errors
    policy = read_policy(r, top.get('policy'), ['policy'])

    product = None
    po = r.obj(top.get('product'), ['product'], ('id', 'mainCreator'), ('affiliateCommission',)) \
        if 'product' in top else None
    if po is not None:
        product = {
            'id': r.attempt(read_id, po['id'], ['product', 'id']) if 'id' in po else None,
            'mainCreator': r.attempt(normalise_account, po['mainCreator'],
                                     ['product', 'mainCreator']) if 'mainCreator' in po else None,
            'affiliateCommission': None,
        }
        if 'affiliateCommission' in po:
            ac = r.attempt(parse_percent, po['affiliateCommission'], ['product', 'affiliateCommission'])
            if ac is not None and not 0 < ac[0] <= 100:
                r.fail('percent_out_of_range', ['product', 'affiliateCommission'])
            product['affiliateCommission'] = ac

    contracts = []
    if 'contracts' in top:
        cs = top['contracts']
        if not isinstance(cs, list):
            r.fail('invalid_field', ['contracts'])
        else:
            seen_ids = set()
            for i, c in enumerate(cs):
                p = ['contracts', i]
                co = r.obj(c, p, ('id', 'productId', 'cocreator', 'events'), ())
                if co is None:
                    continue
                cid = r.attempt(read_id, co['id'], p + ['id']) if 'id' in co else None
                if cid is not None:
                    if cid in seen_ids:
                        r.fail('invalid_field', p + ['id'])
                    seen_ids.add(cid)
                contract = {
                    'index': i,
                    'id': cid,
                    'productId': r.attempt(read_id, co['productId'], p + ['productId'])
                    if 'productId' in co else None,
                    'cocreator': r.attempt(normalise_account, co['cocreator'], p + ['cocreator'])
                    if 'cocreator' in co else None,
                    'events': [],
                }
                evs = co.get('events')
                if 'events' in co:
                    if not isinstance(evs, list) or not evs:
                        r.fail('invalid_field', p + ['events'])
                    else:
                        for j, e in enumerate(evs):
                            ep = p + ['events', j]
                            eo = r.obj(e, ep, ('type', 'at', 'by'), ('terms',))
                            if eo is None:
                                continue
                            typ = r.string(eo['type'], ep + ['type']) if 'type' in eo else None
                            if typ is not None and typ not in EVENT_TYPES:
                                r.fail('invalid_field', ep + ['type'])
                                typ = None
                            ev = {
                                'type': typ,
                                'at': r.attempt(parse_instant, eo['at'], ep + ['at'])
                                if 'at' in eo else None,
                                'by': r.attempt(normalise_account, eo['by'], ep + ['by'])
                                if 'by' in eo else None,
                                'terms': None,
                                'path': ep,
                            }
                            if typ in TERMS_EVENTS:
                                if 'terms' not in eo:
                                    r.fail('invalid_field', ep + ['terms'])
                                else:
                                    ev['terms'] = read_terms(r, eo['terms'], ep + ['terms'],
                                                             typ != 'invited')
                            elif typ is not None and 'terms' in eo:
                                r.fail('invalid_field', ep + ['terms'])
                            contract['events'].append(ev)
                contracts.append(contract)

    sale = None
    so = r.obj(top.get('sale'), ['sale'], ('id', 'productId', 'at', 'price'),
               ('platformFee', 'affiliate')) if 'sale' in top else None
    if so is not None:
        sale = {
            'id': r.attempt(read_id, so['id'], ['sale', 'id']) if 'id' in so else None,
            'productId': r.attempt(read_id, so['productId'], ['sale', 'productId'])
            if 'productId' in so else None,
            'at': r.attempt(parse_instant, so['at'], ['sale', 'at']) if 'at' in so else None,
            'price': r.money(so['price'], ['sale', 'price']) if 'price' in so else None,
            'platformFee': r.money(so['platformFee'], ['sale', 'platformFee'])
            if 'platformFee' in so else None,
            'affiliate': None,
        }
        if 'affiliate' in so:
            ao = r.obj(so['affiliate'], ['sale', 'affiliate'], ('account',),
                       ('percent', 'managedBy'))
            if ao is not None:
                aff = {
                    'account': r.attempt(normalise_account, ao['account'],
                                         ['sale', 'affiliate', 'account'])
                    if 'account' in ao else None,
                    'percent': None,
                    'managedBy': r.attempt(normalise_account, ao['managedBy'],
                                           ['sale', 'affiliate', 'managedBy'])
                    if 'managedBy' in ao else None,
                }
                if 'percent' in ao:
                    ap = r.attempt(parse_percent, ao['percent'], ['sale', 'affiliate', 'percent'])
                    if ap is not None and not 0 < ap[0] <= 100:
                        r.fail('percent_out_of_range', ['sale', 'affiliate', 'percent'])
                    aff['percent'] = ap
                elif po is not None and 'affiliateCommission' not in po:
                    r.fail('invalid_field', ['sale', 'affiliate', 'percent'])
                sale['affiliate'] = aff

    refunds = []
    if 'refunds' in top:
        rs = top['refunds']
        if not isinstance(rs, list):
            r.fail('invalid_field', ['refunds'])
        else:
            seen_refund_ids = set()
            for j, rf in enumerate(rs):
                p = ['refunds', j]
                ro = r.obj(rf, p, ('id', 'at', 'amount'), ())
                if ro is None:
                    continue
                rid = r.attempt(read_id, ro['id'], p + ['id']) if 'id' in ro else None
                if rid is not None:
                    if rid in seen_refund_ids:
                        r.fail('invalid_field', p + ['id'])  # at the later one's id
                    seen_refund_ids.add(rid)
                amount = r.money(ro['amount'], p + ['amount']) if 'amount' in ro else None
                if amount is not None and amount[0] <= 0:
                    r.fail('invalid_amount', p + ['amount', 'amount'])
                refunds.append({
                    'index': j,
                    'id': rid,
                    'at': r.attempt(parse_instant, ro['at'], p + ['at']) if 'at' in ro else None,
                    'amount': amount,
                })
    return {'policy': policy, 'product': product, 'contracts': contracts, 'sale': sale,
            'refunds': refunds}, r.errors


# ---------------------------------------------------------------------------------------------
# Contract histories (section 3): replay, validate, answer coverage.


class History:
    """The replayed history of one valid contract."""

    def __init__(self, contract) -> None:
        self.contract = contract
        self.invited_at = None
        self.accepted_at = None
        self.ended_at = None  # an ending event's instant (expiry is read from the terms)
        self.terms_timeline = []  # [(from_ms, terms)], ascending
        self.pending_amendments = []  # [(from_ms, until_ms or None, patch)]

    def terms_at(self, t):
        cur = None
        for frm, terms in self.terms_timeline:
            if frm <= t:
                cur = terms
        return cur

    def ended_by(self, t) -> bool:
        if self.ended_at is not None and self.ended_at <= t:
            return True
        terms = self.terms_at(t)
        return terms is not None and terms['endsAt'] is not None and terms['endsAt'] <= t

    def covers(self, t) -> bool:
        return self.accepted_at is not None and self.accepted_at <= t and not self.ended_by(t)

    def live(self, t) -> bool:
        return self.invited_at is not None and self.invited_at <= t and not self.ended_by(t)

    def reserved(self, t) -> Fraction:
        p = self.terms_at(t)['percent'][0]
        for frm, until, patch in self.pending_amendments:
            if frm <= t and (until is None or t < until) and 'percent' in patch:
                p = max(p, patch['percent'][0])
        return p


def replay(contract, policy, main_creator, errors):
    """Replay one contract; append its first error, if any; return the History."""
    h = History(contract)
    cocreator = contract['cocreator']
    state = None  # None, 'pending', 'active', 'ended'
    pending_patch = None
    cancel_requester = None
    prev_at = None
    cp = policy['cocreatorPercent']

    def check_percent(ev, terms):
        if 'percent' not in terms:
            return None
        value, places = terms['percent']
        path = ev['path'] + ['terms', 'percent']
        # Precision and range are one check of the terms; a percent that breaks both may
        # report both (section 7), and this reference does.
        found = []
        if places > policy['percentDecimals']:
            found.append(('percent_precision', path))
        if not cp['min'] <= value <= cp['max']:
            found.append(('percent_out_of_range', path))
        return found or None

    for ev in contract['events']:
        t, typ, by, p = ev['at'], ev['type'], ev['by'], ev['path']
        if prev_at is not None and t < prev_at:
            errors.append(('events_out_of_order', p + ['at']))
            return h
        prev_at = t
        # Expiry from the terms in force ends the contract without an event.
        if state in ('pending', 'active'):
            terms = h.terms_at(t)
            if terms['endsAt'] is not None and terms['endsAt'] <= t:
                if typ == 'accepted' and state == 'pending':
                    errors.append(('term_already_expired', p + ['at']))
                else:
                    errors.append(('invalid_transition', p + ['type']))
                return h
        is_main, is_cocreator = by == main_creator, by == cocreator

        def bad(code, field):
            errors.append((code, p + [field]))
            return h

        if typ == 'invited':
            if state is not None:
                return bad('invalid_transition', 'type')
            if not is_main:
                return bad('not_authorized', 'by')
            terms = ev['terms']
            e = check_percent(ev, terms)
            if e:
                errors.extend(e)
                return h
            if terms['endsAt'] is not None and terms['endsAt'] <= t:
                errors.append(('term_already_expired', p + ['terms', 'endsAt']))
                return h
            state = 'pending'
            h.invited_at = t
            h.terms_timeline.append((t, dict(terms)))
            continue
        if state is None:
            return bad('invalid_transition', 'type')
        if typ in ('accepted', 'declined', 'withdrawn'):
            if state != 'pending':
                return bad('invalid_transition', 'type')
            if typ == 'withdrawn' and not is_main or typ != 'withdrawn' and not is_cocreator:
                return bad('not_authorized', 'by')
            if typ == 'accepted':
                state = 'active'
                h.accepted_at = t
            else:
                state = 'ended'
                h.ended_at = t
        elif typ == 'amendment-proposed':
            if state != 'active' or pending_patch is not None or \
                    policy['amendments'] != 'cocreator-approval':
                return bad('invalid_transition', 'type')
            if not is_main:
                return bad('not_authorized', 'by')
            patch = ev['terms']
            e = check_percent(ev, patch)
            if e:
                errors.extend(e)
                return h
            if patch.get('endsAt') is not None and patch['endsAt'] <= t:
                errors.append(('term_already_expired', p + ['terms', 'endsAt']))
                return h
            pending_patch = patch
            h.pending_amendments.append([t, None, patch])
        elif typ in ('amendment-approved', 'amendment-declined', 'amendment-withdrawn'):
            if state != 'active' or pending_patch is None:
                return bad('invalid_transition', 'type')
            if typ == 'amendment-withdrawn' and not is_main or \
                    typ != 'amendment-withdrawn' and not is_cocreator:
                return bad('not_authorized', 'by')
            if typ == 'amendment-approved':
                new_terms = {**h.terms_at(t), **pending_patch}
                if new_terms['endsAt'] is not None and new_terms['endsAt'] <= t:
                    return bad('term_already_expired', 'at')
                h.terms_timeline.append((t, new_terms))
            h.pending_amendments[-1][1] = t
            pending_patch = None
        elif typ == 'amended':
            if state != 'active' or policy['amendments'] != 'immediate':
                return bad('invalid_transition', 'type')
            if not is_main:
                return bad('not_authorized', 'by')
            patch = ev['terms']
            e = check_percent(ev, patch)
            if e:
                errors.extend(e)
                return h
            if patch.get('endsAt') is not None and patch['endsAt'] <= t:
                errors.append(('term_already_expired', p + ['terms', 'endsAt']))
                return h
            h.terms_timeline.append((t, {**h.terms_at(t), **patch}))
        elif typ == 'cancellation-requested':
            if state != 'active' or cancel_requester is not None or \
                    policy['cancellation'] != 'mutual':
                return bad('invalid_transition', 'type')
            if not (is_main or is_cocreator):
                return bad('not_authorized', 'by')
            cancel_requester = by
        elif typ in ('cancellation-approved', 'cancellation-rejected', 'cancellation-withdrawn'):
            if state != 'active' or cancel_requester is None:
                return bad('invalid_transition', 'type')
            is_requester = by == cancel_requester
            is_other = (is_main or is_cocreator) and not is_requester
            if typ == 'cancellation-withdrawn' and not is_requester or \
                    typ != 'cancellation-withdrawn' and not is_other:
                return bad('not_authorized', 'by')
            cancel_requester = None
            if typ == 'cancellation-approved':
                state = 'ended'
                h.ended_at = t
        elif typ == 'cancelled':
            if state != 'active' or policy['cancellation'] != 'unilateral':
                return bad('invalid_transition', 'type')
            if not (is_main or is_cocreator):
                return bad('not_authorized', 'by')
            state = 'ended'
            h.ended_at = t
        else:  # pragma: no cover - unknown types are refused while reading
            return bad('invalid_field', 'type')
        if state == 'ended':
            for pa in h.pending_amendments:
                if pa[1] is None:
                    pa[1] = t
            pending_patch = None
    return h


# ---------------------------------------------------------------------------------------------
# Settlement (section 5) and reversals (section 6)


def round_half_up_div(num: int, den: int) -> int:
    """round_half_up(num / den) for num >= 0, den > 0."""
    return (2 * num + den) // (2 * den)


def dhondt(weights: list[int], x: int, total: int) -> list[int]:
    """section 6: floor(w_i X / P), then each remaining unit to the largest w_i/(a_i+1), ties earlier."""
    if x == 0:
        return [0] * len(weights)
    a = [w * x // total for w in weights]
    for _ in range(x - sum(a)):
        best = 0
        for i in range(1, len(weights)):
            # weights[i]/(a[i]+1) > weights[best]/(a[best]+1), strictly: ties stay earlier
            if weights[i] * (a[best] + 1) > weights[best] * (a[i] + 1):
                best = i
        a[best] += 1
    return a


def settle(doc) -> dict:
    """The output object of section 8 for one input document (parsed with load_js)."""
    d, errors = read_document(doc)
    if errors:
        return refused(errors)
    policy, product, contracts, sale, refunds = (
        d['policy'], d['product'], d['contracts'], d['sale'], d['refunds'])
    main = product['mainCreator']
    price, cur = sale['price']
    exp = CURRENCY_EXPONENT[cur]
    aff = sale['affiliate']
    sale_here = sale['productId'] == product['id']

    # 2a. product: a contract or sale of another product is reported once and left out of
    # every other rule of this product.
    ours = []
    for c in contracts:
        if c['productId'] != product['id']:
            errors.append(('product_mismatch', ['contracts', c['index'], 'productId']))
        else:
            ours.append(c)
    if not sale_here:
        errors.append(('product_mismatch', ['sale', 'productId']))
    fee_cur_ok = True
    if sale['platformFee'] is not None and sale['platformFee'][1] != cur:
        fee_cur_ok = False
        errors.append(('currency_mismatch', ['sale', 'platformFee', 'currency']))
    refund_ok = {}
    for rf in refunds:
        refund_ok[rf['index']] = rf['amount'][1] == cur
        if not refund_ok[rf['index']]:
            errors.append(('currency_mismatch', ['refunds', rf['index'], 'amount', 'currency']))

    # 2b. each history of this product: self_cocreation (then not read), else its first bad
    # event.
    histories = []
    all_valid = True
    for c in ours:
        if c['cocreator'] == main:
            errors.append(('self_cocreation', ['contracts', c['index'], 'cocreator']))
            all_valid = False
            continue
        n = len(errors)
        h = replay(c, policy, main, errors)
        if len(errors) == n:
            histories.append(h)
        else:
            all_valid = False

    # 2c. across contracts: the retention floor and the limits of 4.3, at every invited /
    # amendment-proposed / amended instant, only when every history is valid.
    if all_valid:
        lim = 100 - policy['minRetainedPercent']
        for h in histories:
            for ev in h.contract['events']:
                if ev['type'] not in TERMS_EVENTS:
                    continue
                t = ev['at']
                live = [g for g in histories if g.live(t)]
                if sum(g.reserved(t) for g in live) > lim:
                    errors.append(('retention_floor_violated', ev['path']))
                # The limits of 4.3 at the invitation that adds a live contract (specification
                # 7.7: only an invitation adds one); an invitation whose contract has already
                # ended at its own instant (withdrawn or declined then) adds none.
                if ev['type'] == 'invited' and h.live(t):
                    if policy['maxCocreators'] is not None and len(live) > policy['maxCocreators']:
                        errors.append(('max_cocreators_reached', ev['path']))
                    if any(g is not h and g.contract['cocreator'] == h.contract['cocreator']
                           for g in live):
                        errors.append(('duplicate_cocreator', ev['path']))

    # 2d. the sale: the fee (a fee in another currency is not compared with the price), and
    # self_affiliation when the sale is for this product.
    if sale['platformFee'] is not None:
        fee = sale['platformFee'][0]
        if fee_cur_ok and fee > price:
            errors.append(('fee_exceeds_price', ['sale', 'platformFee', 'amount']))
    elif policy['fee'] is not None:
        f = policy['fee']
        fee = round_half_up_div(price * f['percent'].numerator,
                                100 * f['percent'].denominator) + f['fixed'].get(cur, 0)
        if fee > price:
            errors.append(('fee_exceeds_price', ['policy', 'fee']))
    else:
        fee = 0
    if sale_here and aff is not None and aff['account'] == main:
        errors.append(('self_affiliation', ['sale', 'affiliate', 'account']))

    # 2e. coverage: the affiliate rules of 4.6 ("covers" ignores appliesTo), when every
    # history of this product is valid and the sale is for this product.
    t = sale['at']
    covering = [h for h in histories if h.covers(t)]
    if all_valid and sale_here and aff is not None:
        for h in covering:
            if h.contract['cocreator'] == aff['account'] and \
                    not h.terms_at(t)['mayAlsoSellAsAffiliate']:
                errors.append(('affiliate_not_permitted', ['sale', 'affiliate', 'account']))
        if covering and not policy['affiliatesOnCocreatedProducts']:
            errors.append(('affiliates_not_allowed', ['sale', 'affiliate']))

    # 2f. refunds, whatever 2a-2e found. Out of order: earlier than any refund listed before
    # it. The running total counts only refunds with no error of their own (another currency,
    # before the sale, out of order); each counted refund after which the total is past the
    # price is refund_exceeds_price (it is counted: the total stays past the price).
    latest, total = None, 0
    for rf in refunds:
        p = ['refunds', rf['index']]
        own_error = not refund_ok[rf['index']]
        if rf['at'] < sale['at']:
            errors.append(('refund_before_sale', p + ['at']))
            own_error = True
        if latest is not None and rf['at'] < latest:
            errors.append(('events_out_of_order', p + ['at']))
            own_error = True
        latest = rf['at'] if latest is None else max(latest, rf['at'])
        if own_error:
            continue
        total += rf['amount'][0]
        if total > price:
            errors.append(('refund_exceeds_price', p + ['amount', 'amount']))
    if errors:
        return refused(errors)

    # section 5, in order.
    net = price - fee
    lines = [{'role': 'platform', 'account': None, 'amount': fee, 'exact': Fraction(fee)}]
    if aff is not None:
        ap = aff['percent'] if aff['percent'] is not None else product['affiliateCommission']
        a_exact = net * ap[0] / 100
        affiliate = a_exact.numerator // a_exact.denominator
        lines.append({'role': 'affiliate', 'account': aff['account'], 'percent': ap[0],
                      'amount': affiliate, 'exact': a_exact})
    else:
        affiliate = 0
    base = net - affiliate
    sum_c, sum_exact = 0, Fraction(0)
    for h in covering:
        terms = h.terms_at(t)
        applies = terms['appliesTo']
        if applies == 'direct-sales' and aff is not None:
            continue
        if applies == 'affiliate-sales' and aff is None:
            continue
        if applies == 'managed-affiliate-sales' and (
                aff is None or aff['managedBy'] != h.contract['cocreator']):
            continue
        pct = terms['percent'][0]
        c_exact = base * pct / 100
        c = c_exact.numerator // c_exact.denominator
        sum_c += c
        sum_exact += c_exact
        lines.append({'role': 'cocreator', 'account': h.contract['cocreator'],
                      'contractId': h.contract['id'], 'percent': pct, 'amount': c,
                      'exact': c_exact})
    lines.append({'role': 'main-creator', 'account': main, 'amount': base - sum_c,
                  'exact': base - sum_exact})
    assert sum(ln['amount'] for ln in lines) == price
    assert all(ln['amount'] >= 0 for ln in lines)
    assert base - sum_c >= base * policy['minRetainedPercent'] / 100

    def out_line(ln, amount, with_exact):
        o = {'role': ln['role'], 'account': ln['account']}
        if 'contractId' in ln:
            o['contractId'] = ln['contractId']
        if 'percent' in ln:
            o['percent'] = percent_str(ln['percent'])
        o['amount'] = format_minor(amount, exp)
        if with_exact:
            o['exactShare'] = exact_decimal_str(ln['exact'] / 10**exp, exp)
        return o

    settlement = {
        'saleId': sale['id'], 'productId': sale['productId'], 'at': format_instant(t),
        'currency': cur, 'price': format_minor(price, exp), 'platformFee': format_minor(fee, exp),
        'net': format_minor(net, exp), 'base': format_minor(base, exp),
        'lines': [out_line(ln, ln['amount'], True) for ln in lines],
    }
    weights = [ln['amount'] for ln in lines]
    out_refunds = []
    before = [0] * len(lines)
    x = 0
    for rf in refunds:
        amt = rf['amount'][0]
        x += amt
        after = dhondt(weights, x, price)
        delta = [b - a for a, b in zip(before, after)]
        assert all(dl >= 0 for dl in delta), 'D\'Hondt not monotone here'
        assert sum(delta) == amt
        out_refunds.append({
            'refundId': rf['id'], 'at': format_instant(rf['at']), 'amount': format_minor(amt, exp),
            'lines': [out_line(ln, -dl, False) for ln, dl in zip(lines, delta)],
        })
        before = after
    if x == price and price > 0:
        assert before == weights
    return {'ok': True, 'settlement': settlement, 'refunds': out_refunds}


BOM = b'\xef\xbb\xbf'


def decode_text(data: bytes):
    """UTF-8 text, never repaired; None when the bytes are not valid UTF-8."""
    try:
        return data.decode('utf-8', errors='strict')
    except UnicodeDecodeError:
        return None


def settle_text(text) -> dict:
    """One document's text (already decoded): invalid_json when it is not JSON."""
    if text is None:
        return refused([('invalid_json', [])])
    try:
        value = load_js(text)
    except ValueError:  # json.JSONDecodeError is a ValueError
        return refused([('invalid_json', [])])
    return settle(value)


def settle_bytes(data: bytes) -> dict:
    """`cocreation settle` on one document: one leading BOM is ignored, then strict UTF-8."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    return settle_text(decode_text(data))


def settle_jsonl(data: bytes):
    """`cocreation settle --jsonl`: (one output per line, exit status). A BOM is ignored only at
    the start of the input; each line is decoded on its own; a final line break ends the last
    line rather than starting an empty one."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    lines = data.split(b'\n')
    if lines and lines[-1] == b'':
        lines.pop()
    outputs = [settle_text(decode_text(line)) for line in lines]
    return outputs, 0 if all(o['ok'] for o in outputs) else 1


def refused(errors) -> dict:
    return {'ok': False, 'errors': [{'code': c, 'path': p} for c, p in errors]}


def main(argv: list[str]) -> int:
    if '--jsonl' in argv[1:]:
        outputs, status = settle_jsonl(sys.stdin.buffer.read())
        for o in outputs:
            print(json.dumps(o, ensure_ascii=False))
        return status
    if len(argv) > 1 and argv[1] != '-':
        with open(argv[1], 'rb') as fh:
            data = fh.read()
    else:
        data = sys.stdin.buffer.read()
    try:
        value = load_js(data.decode('utf-8'))
    except ValueError:
        value = None
    if is_obj(value) and 'expected' in value and 'documentText' in value:
        result = settle_text(value['documentText'])
    elif is_obj(value) and 'expected' in value and 'documentBase64' in value:
        import base64
        result = settle_bytes(base64.b64decode(value['documentBase64']))
    elif is_obj(value) and 'expected' in value and 'document' in value:
        result = settle(value['document'])
    else:
        result = settle_bytes(data)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result['ok'] else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))

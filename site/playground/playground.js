// The playground: reads the settle document in the text area, settles it with the library
// (window.cocreation, the bundled package) and shows the split, a bar per party, the explain
// breakdown, or each error with its place in the document. A classic script, no modules, so
// that the page works from file:// too.
(() => {
  const lib = window.cocreation;
  const examples = window.PLAYGROUND_EXAMPLES;
  const $ = (id) => document.getElementById(id);
  const exampleSelect = $('example');
  const localeSelect = $('locale');
  const priceInput = $('price');
  const textarea = $('document');

  const WORDS = {
    en: {
      settled: (n) => `Settled: ${n} lines, the split adds up to the price.`,
      refused: (n) => `Refused: ${n} ${n === 1 ? 'error' : 'errors'}.`,
      at: 'at',
      line: 'line',
      total: 'total',
      whole: 'the whole document',
      notJson: 'The text is not JSON, so no place in it can be shown.',
    },
    'pt-BR': {
      settled: (n) => `Liquidada: ${n} linhas; a soma das partes é igual ao preço.`,
      refused: (n) => `Recusada: ${n} ${n === 1 ? 'erro' : 'erros'}.`,
      at: 'em',
      line: 'linha',
      total: 'total',
      whole: 'o documento inteiro',
      notJson: 'O texto não é um JSON válido; não há como apontar um lugar nele.',
    },
    es: {
      settled: (n) => `Liquidada: ${n} líneas; la suma de las partes es igual al precio.`,
      refused: (n) => `Rechazada: ${n} ${n === 1 ? 'error' : 'errores'}.`,
      at: 'en',
      line: 'línea',
      total: 'total',
      whole: 'el documento entero',
      notJson: 'El texto no es un JSON válido; no se puede señalar ningún lugar en él.',
    },
  };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  }

  /** An exact decimal string with the locale's separators (strings only: no float). */
  function localDecimal(decimal, locale) {
    if (locale === 'en') return decimal;
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
    if (m === null) return decimal;
    const grouped =
      m[2].length > (locale === 'es' ? 4 : 3) ? m[2].replace(/\B(?=(\d{3})+$)/g, '.') : m[2];
    return m[1] + grouped + (m[3] === undefined ? '' : `,${m[3]}`);
  }

  /** The path as the reader finds it: contracts[0].events[1].by */
  function pathText(path) {
    let text = '';
    for (const key of path) text += typeof key === 'number' ? `[${key}]` : text ? `.${key}` : key;
    return text;
  }

  /**
   * Lays a JSON value out as JSON.stringify(value, null, 2) does, and notes the line where
   * each path starts, so an error's path can point at its line.
   */
  function layout(value) {
    const lines = [];
    const lineOf = new Map();
    const write = (v, path, indent, prefix, comma) => {
      lineOf.set(JSON.stringify(path), lines.length);
      const isArray = Array.isArray(v);
      const keys = v !== null && typeof v === 'object' ? Object.keys(v) : [];
      if (keys.length === 0) {
        lines.push(indent + prefix + JSON.stringify(v) + comma);
        return;
      }
      lines.push(indent + prefix + (isArray ? '[' : '{'));
      keys.forEach((k, i) => {
        const key = isArray ? i : k;
        const sep = i < keys.length - 1 ? ',' : '';
        write(
          v[k],
          path.concat([key]),
          `${indent}  `,
          isArray ? '' : `${JSON.stringify(k)}: `,
          sep,
        );
      });
      lines.push(indent + (isArray ? ']' : '}') + comma);
    };
    write(value, [], '', '', '');
    return { lines, lineOf };
  }

  /** The line of a path, or of its nearest parent in the document (a missing field's object). */
  function lineFor(lineOf, path) {
    for (let n = path.length; n >= 0; n--) {
      const line = lineOf.get(JSON.stringify(path.slice(0, n)));
      if (line !== undefined) return line;
    }
    return 0;
  }

  function showSettled(outcome, locale) {
    const words = WORDS[locale];
    const json = lib.settlementToJson(outcome.settlement);
    const code = json.currency;
    const money = (amount) => `${localDecimal(amount, locale)} ${code}`;
    const tbody = $('lines').querySelector('tbody');
    tbody.replaceChildren();
    const bars = $('bars');
    bars.replaceChildren();
    const price = outcome.settlement.price;
    outcome.settlement.lines.forEach((line, i) => {
      const wire = json.lines[i];
      const role = el('td', {}, el('span', { class: `swatch role-${line.role}` }), line.role);
      const percent = wire.percent === undefined ? '-' : `${localDecimal(wire.percent, locale)}%`;
      tbody.append(
        el(
          'tr',
          { 'data-role': line.role },
          role,
          el('td', {}, line.account ?? '-'),
          el('td', {}, percent),
          el('td', { class: 'num' }, money(wire.amount)),
        ),
      );
      // Widths in hundredths of a percent, computed on the exact minor units.
      const width = price === 0n ? 0 : Number((line.amount * 10000n) / price) / 100;
      bars.append(
        el(
          'div',
          { class: 'bar-row', 'data-role': line.role },
          el('span', { class: 'bar-label' }, `${line.role} ${line.account ?? ''}`),
          el(
            'div',
            { class: 'bar-track' },
            el('div', { class: `bar role-${line.role}`, style: `width: ${width}%` }),
          ),
          el('span', { class: 'bar-amount' }, money(wire.amount)),
        ),
      );
    });
    const foot = el(
      'tfoot',
      {},
      el(
        'tr',
        {},
        el('td', {}, words.total),
        el('td'),
        el('td'),
        el('td', { class: 'num' }, money(json.price)),
      ),
    );
    $('lines').querySelector('tfoot')?.remove();
    $('lines').append(foot);
    $('explain').textContent = lib.explain(outcome.settlement, outcome.reversals, {
      locale: lib.CATALOGS[locale],
    });
    status('ok', words.settled(outcome.settlement.lines.length));
    $('settled').hidden = false;
    $('refused').hidden = true;
  }

  function showRefused(errors, text, locale) {
    const words = WORDS[locale];
    let value;
    let isJson = true;
    try {
      value = JSON.parse(text);
    } catch {
      isJson = false;
    }
    const view = $('document-view');
    view.replaceChildren();
    const list = $('errors');
    list.replaceChildren();
    const marked = new Map();
    let lineOf = new Map();
    let lines = [];
    if (isJson) ({ lines, lineOf } = layout(value));
    for (const error of errors) {
      const line = isJson ? lineFor(lineOf, error.path) : -1;
      if (line >= 0) marked.set(line, [...(marked.get(line) ?? []), error.code]);
      const where = error.path.length === 0 ? words.whole : pathText(error.path);
      const link =
        line >= 0
          ? el('a', { href: `#doc-line-${line + 1}`, 'data-path': pathText(error.path) }, where)
          : el('span', {}, where);
      list.append(
        el(
          'li',
          { 'data-code': error.code },
          el('code', { class: 'code' }, error.code),
          ` ${words.at} `,
          link,
          line >= 0 ? ` (${words.line} ${line + 1})` : '',
          el('br'),
          error.message,
        ),
      );
    }
    if (isJson) {
      lines.forEach((text, i) => {
        const codes = marked.get(i);
        const row = el(
          'span',
          { class: codes ? 'line error' : 'line', id: `doc-line-${i + 1}` },
          el('span', { class: 'no' }, String(i + 1)),
          text,
        );
        if (codes) row.append(el('span', { class: 'mark' }, `  \u2190 ${codes.join(', ')}`));
        view.append(row);
      });
    } else {
      view.textContent = words.notJson;
    }
    status('bad', words.refused(errors.length));
    $('settled').hidden = true;
    $('refused').hidden = false;
  }

  function status(kind, text) {
    const node = $('status');
    node.className = kind;
    node.textContent = text;
  }

  function run() {
    const locale = localeSelect.value;
    const text = textarea.value;
    const result = lib.parseDocumentText(text).andThen(lib.settleDocument);
    if (result.isOk()) showSettled(result.value, locale);
    else showRefused(lib.localizeErrors(result.error, lib.CATALOGS[locale]), text, locale);
    syncPrice();
  }

  /** Shows the document's price in the price field (when the document has one). */
  function syncPrice() {
    if (document.activeElement === priceInput) return;
    try {
      const amount = JSON.parse(textarea.value)?.sale?.price?.amount;
      priceInput.value = amount === undefined ? '' : String(amount);
    } catch {
      // Not JSON yet: the field keeps what it had.
    }
  }

  /** Writes the price field into the document, then settles again. */
  function setPrice() {
    let doc;
    try {
      doc = JSON.parse(textarea.value);
    } catch {
      return;
    }
    if (doc?.sale?.price === null || typeof doc?.sale?.price !== 'object') return;
    doc.sale.price.amount = priceInput.value.trim();
    textarea.value = JSON.stringify(doc, null, 2);
    run();
  }

  function load(index) {
    const example = examples[index];
    textarea.value = JSON.stringify(example.document, null, 2);
    $('example-note').textContent = example.description;
    priceInput.value = '';
    run();
  }

  examples.forEach((example, i) => {
    exampleSelect.append(el('option', { value: String(i) }, example.title));
  });
  exampleSelect.addEventListener('change', () => load(Number(exampleSelect.value)));
  localeSelect.addEventListener('change', run);
  textarea.addEventListener('input', run);
  priceInput.addEventListener('input', setPrice);
  load(0);
})();

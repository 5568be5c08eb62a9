/**
 * Every code example a reader can see compiles, as a TypeScript user would compile it: the
 * snippets test/docs.test.ts runs (test/support/snippets.ts finds them) are type-checked here
 * in ONE program, each snippet its own module, with the compiler options of tsconfig.json
 * (strict, exactOptionalPropertyTypes, verbatimModuleSyntax, ...) and its `paths`, which map
 * `cocreation`, `cocreation/wire`, `cocreation/locales` and `cocreation/testing` to src/ as the
 * vitest aliases do. The snippets live in memory only. examples/*.ts are not needed here:
 * tsconfig.json includes examples/, so `npm run typecheck` checks them already.
 *
 * A diagnostic is reported at the snippet's place in its file (`README.md:82: TS2345 ...`).
 * A snippet that shows a deliberate misuse says so with a `// @ts-expect-error` comment.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allSnippets, root, type Snippet } from './support/snippets';

/** A snippet as a module, as test/docs.test.ts writes it: its code starts on line 1. */
function moduleText(snippet: Snippet): string {
  return `${snippet.code}\nexport {};\n`;
}

function projectOptions(): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error)
    throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  return { ...parsed.options, noEmit: true };
}

/**
 * Type-checks the snippets in one program and returns each diagnostic of a snippet as
 * `source:line: TScode message`, the line being the one in the snippet's own file.
 */
function typeCheck(snippets: readonly Snippet[]): string[] {
  const options = projectOptions();
  // Virtual files beside the tests (named with `/`, as TypeScript names files); nothing is
  // written to disk.
  const virtual = new Map(
    snippets.map((snippet, index) => [
      join(root, 'test', '.snippets', `types-${index}.ts`).replaceAll('\\', '/'),
      { snippet, text: moduleText(snippet) },
    ]),
  );
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file)?.text ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, create) => {
    const entry = virtual.get(file);
    if (entry === undefined) return getSourceFile.call(host, file, language, onError, create);
    return ts.createSourceFile(file, entry.text, language, true);
  };
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });
  const reports = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(
    (diagnostic) =>
      `tsconfig.json: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
  );
  for (const [file, { snippet }] of virtual) {
    const sourceFile = program.getSourceFile(file);
    if (sourceFile === undefined) {
      reports.push(`${snippet.source}:${snippet.line}: not in the program`);
      continue;
    }
    const diagnostics = [
      ...program.getSyntacticDiagnostics(sourceFile),
      ...program.getSemanticDiagnostics(sourceFile),
    ];
    for (const diagnostic of diagnostics) {
      const { line } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      // Line 0 of the module is the line after the opening fence.
      reports.push(`${snippet.source}:${snippet.line + 1 + line}: TS${diagnostic.code} ${message}`);
    }
  }
  return reports;
}

/** A snippet that must not compile, checked in the same program as the real ones. */
const broken: Snippet = {
  source: 'test/docs.types.test.ts (a snippet broken on purpose)',
  line: 100,
  code: ["import { formatAmount } from 'cocreation';", '', "formatAmount('9.70', 'BRL');"].join(
    '\n',
  ),
};

describe('documentation examples, type-checked', () => {
  const snippets = allSnippets();
  const reports = typeCheck([...snippets, broken]);

  it('checks the snippets of the README, the guides and the TSDoc', () => {
    expect(snippets.some((s) => s.source === 'README.md')).toBe(true);
    expect(snippets.some((s) => s.source.startsWith('docs/'))).toBe(true);
    expect(snippets.some((s) => s.source.startsWith('src/'))).toBe(true);
  });

  it('compiles every snippet with the project compiler options and the package entries', () => {
    expect(reports.filter((report) => !report.startsWith(broken.source))).toEqual([]);
  });

  it('reports a snippet that does not compile at its file and line', () => {
    expect(reports.filter((report) => report.startsWith(broken.source))).toEqual([
      expect.stringMatching(
        /^test\/docs\.types\.test\.ts \(a snippet broken on purpose\):103: TS2345 /,
      ),
    ]);
  });
});

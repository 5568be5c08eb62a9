// A TypeDoc plugin: groups the API reference by what a user is doing (issue 16). A name
// exported by an entry goes in the group of the folder it is declared in, which follows the
// data path (CONTRIBUTING.md): values, policies and products, contracts and their lifecycle,
// settling, refunds and ledgers, the wire format, errors. An explicit `@group` tag in its TSDoc
// wins, so a name that belongs elsewhere says so where it is declared.
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

/** Folders and files of src/, first match wins, and their group; the order of the pages. */
export const GROUPS = [
  [/^src\/values\//, 'Values'],
  [/^src\/model\//, 'Policies and products'],
  [/^src\/(contracts|validate)\//, 'Contracts and their lifecycle'],
  [/^src\/settle\/|^src\/wire\/explain\.ts$/, 'Settling'],
  [/^src\/(refunds|ledger)\//, 'Refunds and ledgers'],
  [/^src\/wire\//, 'The wire format'],
  [/^src\/(errors|locales\/)/, 'Errors'],
  [/^src\/testing\//, 'Testing'],
];

function hasGroup(reflection) {
  const comments = [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)];
  return comments.some((c) => c?.blockTags.some((tag) => tag.tag === '@group'));
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    for (const reflection of Object.values(project.reflections)) {
      if (!reflection.isDeclaration() || reflection.parent === undefined) continue;
      if (!reflection.parent.kindOf(ReflectionKind.Module | ReflectionKind.Project)) continue;
      if (hasGroup(reflection)) continue;
      const path = project.getSymbolIdFromReflection(reflection)?.packagePath ?? '';
      const group = GROUPS.find(([pattern]) => pattern.test(path))?.[1];
      if (group === undefined) continue;
      if (reflection.comment === undefined && reflection.signatures?.[0]?.comment === undefined) {
        reflection.comment = new Comment();
      }
      const target = reflection.comment ?? reflection.signatures?.[0]?.comment;
      target.blockTags.push(new CommentTag('@group', [{ kind: 'text', text: group }]));
    }
  });
}

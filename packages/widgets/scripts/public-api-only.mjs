/**
 * A plugin for the manifest analyzer that keeps the manifest to the public
 * API, and types each event by what the code dispatches:
 *
 * - Lit's reactive state (`_rows: { state: true }`) and other private or
 *   protected fields are not attributes or properties anyone can set.
 * - `lang` is read by every widget through an internal mirror field; it stays
 *   an attribute, typed as the string it is.
 * - `@event` in JSDoc names an event but not its detail; the type argument of
 *   `emit<Detail>(this, 'name', ...)` (or `new CustomEvent<Detail>('name', ...)`)
 *   in the source does.
 */
export function publicApiOnly() {
  /** @type {Map<string, string>} event name -> `CustomEvent<Detail>` */
  const dispatched = new Map();
  return {
    name: 'portico-public-api-only',
    analyzePhase({ ts, node }) {
      // `new CustomEvent<Detail>('name', ...)`, or `emit<Detail>(target, 'name', ...)` (shared/events.ts).
      if (!(ts.isNewExpression(node) || ts.isCallExpression(node)) || !ts.isIdentifier(node.expression)) return;
      const callee = node.expression.text;
      if (callee !== (ts.isNewExpression(node) ? 'CustomEvent' : 'emit')) return;
      const name = node.arguments?.[callee === 'emit' ? 1 : 0];
      const [detail] = node.typeArguments ?? [];
      if (!name || !ts.isStringLiteral(name) || (!detail && callee !== 'emit')) return;
      // An event without a detail is a plain CustomEvent (the analyzer says so of `new CustomEvent('name')` by itself).
      const type = detail ? `CustomEvent<${detail.getText()}>` : 'CustomEvent';
      const known = dispatched.get(name.text);
      if (known && known !== type) throw new Error(`public-api-only: event ${name.text} is dispatched as ${known} and as ${type}.`);
      dispatched.set(name.text, type);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const hidden = new Set((declaration.members ?? []).filter((member) => !isPublic(member)).map((member) => member.name));
          declaration.members = declaration.members?.filter((member) => !hidden.has(member.name));
          declaration.attributes = declaration.attributes
            ?.filter((attribute) => attribute.name === 'lang' || !hidden.has(attribute.fieldName))
            .map((attribute) => (attribute.name === 'lang' ? langAttribute(attribute) : attribute));
          for (const event of declaration.events ?? []) {
            const type = dispatched.get(event.name);
            if (type) event.type = { text: type };
          }
        }
      }
    },
  };
}

function isPublic(member) {
  return member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('_') && !member.name.startsWith('#');
}

function langAttribute(attribute) {
  const { fieldName: _mirror, default: _default, ...rest } = attribute;
  return {
    ...rest,
    type: { text: 'string' },
    description:
      'The language (en, de, it, ru, ja, ar): the host’s override. Without it, `<portico-portal>` speaks the signed-in client’s language, else the page’s, else the business’s, and gives the widgets inside it the same; a widget on its own speaks the nearest ancestor’s `lang` (the page’s). Arabic is laid out right to left (docs/languages.md).',
  };
}

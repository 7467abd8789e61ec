/**
 * A plugin for the manifest analyzer: each widget names its tag once, in
 * `static readonly tag = 'portico-x'`, and its registering module calls
 * `X.define()` (shared/themed-element.ts), which passes the tag to
 * `customElements.define` through a variable, so the analyzer cannot see
 * the tag by itself. The tag is the class's `tag`; the module that calls
 * `X.define()` at its top level is the one whose import registers it.
 */
export function registeredTagNames() {
  /** @type {Map<string, string>} class name -> tag */
  const tags = new Map();
  /** @type {{ className: string, modulePath: string }[]} */
  const defined = [];
  return {
    name: 'portico-registered-tag-names',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isClassDeclaration(node) && node.name) {
        const tag = node.members.find(
          (member) =>
            ts.isPropertyDeclaration(member) &&
            member.name.getText() === 'tag' &&
            member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) &&
            member.initializer &&
            ts.isStringLiteral(member.initializer),
        );
        if (tag && tag.initializer.text) tags.set(node.name.text, tag.initializer.text);
        return;
      }
      // `X.define();` as a statement of the module itself.
      if (!ts.isExpressionStatement(node) || !ts.isSourceFile(node.parent)) return;
      const call = node.expression;
      if (!ts.isCallExpression(call) || call.arguments.length > 0 || !ts.isPropertyAccessExpression(call.expression)) return;
      if (call.expression.name.text !== 'define' || !ts.isIdentifier(call.expression.expression)) return;
      defined.push({ className: call.expression.expression.text, modulePath: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      // What the analyzer made of `customElements.define(tagName, ...)` by itself:
      // a definition named after the variable, of an anonymous class. Ours replace it.
      for (const module of customElementsManifest.modules) {
        module.exports = module.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
        // A class's `tag` is the manifest's tagName and `define()` is how it gets one, not API of the element.
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind === 'class') declaration.members = declaration.members?.filter((member) => !(member.static && (member.name === 'tag' || member.name === 'define')));
        }
      }
      for (const { className, modulePath } of defined) {
        const tagName = tags.get(className);
        const home = customElementsManifest.modules.find((module) => module.declarations?.some((d) => d.kind === 'class' && d.name === className));
        const declaration = home?.declarations.find((d) => d.name === className);
        if (!tagName || !home || !declaration) {
          // Only while a widget is half written: its import fails type-checking anyway.
          console.warn(`registered-tag-names: ${modulePath} defines ${className}, which no analysed module declares with a static tag; left out.`);
          continue;
        }
        declaration.tagName = tagName;
        declaration.customElement = true;
        const registering = customElementsManifest.modules.find((module) => module.path === modulePath);
        registering.exports ??= [];
        if (!registering.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tagName)) {
          registering.exports.push({ kind: 'custom-element-definition', name: tagName, declaration: { name: className, module: home.path } });
        }
      }
    },
  };
}

/**
 * A plugin for the manifest analyzer: our tags are registered by
 * `definePorticoX(tagName = 'portico-x')`, which calls
 * `customElements.define(tagName, ...)` with a variable, so the analyzer
 * cannot see the tag by itself. The parameter's default is the tag; the class
 * is the one the function's body passes to `customElements.define`.
 */
export function registeredTagNames() {
  /** @type {{ tagName: string, className: string, modulePath: string }[]} */
  const found = [];
  return {
    name: 'portico-registered-tag-names',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isFunctionDeclaration(node) || !node.body) return;
      const tagParameter = node.parameters.find((parameter) => parameter.initializer && ts.isStringLiteral(parameter.initializer));
      if (!tagParameter) return;
      const className = definedClass(ts, node.body);
      if (!className) return;
      found.push({ tagName: tagParameter.initializer.text, className, modulePath: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      // What the analyzer made of `customElements.define(tagName, ...)` by itself:
      // a definition named after the variable, of an anonymous class. Ours replace it.
      for (const module of customElementsManifest.modules) {
        module.exports = module.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
      }
      for (const { tagName, className, modulePath } of found) {
        const home = customElementsManifest.modules.find((module) => module.declarations?.some((d) => d.kind === 'class' && d.name === className));
        const declaration = home?.declarations.find((d) => d.name === className);
        if (!home || !declaration) {
          // Only while a widget is half written: its import fails type-checking anyway.
          console.warn(`registered-tag-names: <${tagName}> names class ${className}, which no analysed module declares; left out.`);
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

/** The class given to `customElements.define(tag, X)` or `customElements.define(tag, cond ? X : class extends X {})`. */
function definedClass(ts, body) {
  let className;
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'define' &&
      node.expression.expression.getText() === 'customElements'
    ) {
      let argument = node.arguments[1];
      if (argument && ts.isConditionalExpression(argument)) argument = argument.whenTrue;
      if (argument && ts.isIdentifier(argument)) className = argument.text;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return className;
}

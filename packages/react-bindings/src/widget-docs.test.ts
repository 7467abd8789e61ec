import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentWidgetDocs, widgetDocsPath } from '../scripts/generate-widget-docs.js';
import { readWidgetsManifest, registeredElements } from '../scripts/manifest.js';

describe('docs/widgets.md', () => {
  it('says what the widgets’ manifest says (else: npm run docs --workspace=@portico/react)', () => {
    const stale = 'docs/widgets.md is stale: run `npm run docs --workspace=@portico/react` and commit it';
    expect(readFileSync(widgetDocsPath, 'utf8'), stale).toBe(currentWidgetDocs());
  });

  it('documents every tag with its events and parts', () => {
    const docs = readFileSync(widgetDocsPath, 'utf8');
    for (const { tagName, declaration } of registeredElements(readWidgetsManifest())) {
      expect(docs).toContain(`## \`<${tagName}>\``);
      for (const event of declaration.events ?? []) expect(docs).toContain(`\`${event.name}\``);
      for (const part of declaration.cssParts ?? []) expect(docs).toContain(`\`${part.name}\``);
    }
  });
});

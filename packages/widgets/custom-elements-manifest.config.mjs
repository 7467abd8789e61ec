import { publicApiOnly } from './scripts/public-api-only.mjs';
import { registeredTagNames } from './scripts/registered-tag-names.mjs';

/**
 * `npm run manifest`: dist/custom-elements.json, the custom elements manifest
 * (tags, attributes, properties, events, slots, parts, custom properties) read
 * from the components' JSDoc. Editors, the React wrappers in @portico/react
 * and docs/widgets.md are generated from it.
 */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**', 'src/bundle-path.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [registeredTagNames(), publicApiOnly()],
};

import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * dist/bundle/widgets.js: one minified ES module with lit inside that
 * registers every client widget; dist/bundle/admin-widgets.js adds the
 * business's two, importing the rest from `./widgets.js`. The server serves
 * both at `<mount>/widgets.js` and `<mount>/admin-widgets.js`, and beside
 * them the files they import when needed (`widgets-<name>-<hash>.js`: a
 * language's table, Stripe's loader). The entries keep the names they are
 * served under, since the files beside them import them by those names.
 * Of @portico/wire, only what the widgets use lands here (money digits, languages); its types are erased.
 * The widgets' html`` and css`` templates are minified first (whitespace and
 * comments: more than half of the CSS's bytes).
 */
export default {
  input: { widgets: 'src/bundle.ts', 'admin-widgets': 'src/admin-bundle.ts' },
  // The code both entries share stays in widgets.js (which then exports a few
  // minified names more) rather than moving to a third file every page would wait for.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist/bundle',
    entryFileNames: '[name].js',
    chunkFileNames: 'widgets-[name]-[hash].js',
    format: 'es',
    sourcemap: false,
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production'] }),
    // Our html`` and css`` literals (whitespace, comments): Lit's own code is already minified.
    minifyHTML({ include: ['src/**/*.ts'], failOnError: true }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    // Two compress passes: a few dozen bytes off the first view.
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * dist/bundle/widgets.js: one minified ES module with lit inside that
 * registers every tag. The server serves it at `<mount>/widgets.js`, and
 * beside it the files it imports when needed (`widgets-<name>-<hash>.js`: a
 * language's table, Stripe's loader), which is why the entry keeps the name
 * it is served under: those files import `./widgets.js` back.
 * Types from @portico/server/wire are erased: nothing of the server lands here.
 * The widgets' html`` and css`` templates are minified first (whitespace and
 * comments: more than half of the CSS's bytes).
 */
export default {
  input: 'src/bundle.ts',
  output: {
    dir: 'dist/bundle',
    entryFileNames: 'widgets.js',
    chunkFileNames: 'widgets-[name]-[hash].js',
    format: 'es',
    sourcemap: false,
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production'] }),
    // Our html`` and css`` literals (whitespace, comments): Lit's own code is already minified.
    minifyHTML({ include: ['src/**/*.ts'], failOnError: true }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

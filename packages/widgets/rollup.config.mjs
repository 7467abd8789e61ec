import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * dist/portico-widgets.js: one minified ES module with lit inside that
 * registers every tag. The server serves it at `<mount>/widgets.js`.
 * Types from @portico/server/wire are erased: nothing of the server lands here.
 */
export default {
  input: 'src/bundle.ts',
  output: {
    file: 'dist/portico-widgets.js',
    format: 'es',
    sourcemap: false,
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

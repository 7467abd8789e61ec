import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the built widget bundle's entry (`dist/bundle/widgets.js`),
 * for a server to read and serve, with the `widgets-*.js` files beside it that
 * it imports. Node only. The files exist after
 * `npm run build --workspace=@portico/widgets`.
 */
export const bundlePath: string = fileURLToPath(new URL('../dist/bundle/widgets.js', import.meta.url));

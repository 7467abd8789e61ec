import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the built widget bundle (`dist/portico-widgets.js`), for a
 * server to read and serve. Node only. The file exists after
 * `npm run build --workspace=@portico/widgets`.
 */
export const bundlePath: string = fileURLToPath(new URL('../dist/portico-widgets.js', import.meta.url));

/**
 * `npm start --workspace=@portico/example-static-html`: the plain page at
 * http://127.0.0.1:8080 (PAGE_PORT), Portico at http://localhost:3000/portal
 * (PORTICO_PORT; the page names this address), and one sign-in link printed.
 */
import { announceExample } from '@portico/example-kit';
import { startCrossOriginSite } from './cross-origin-site.js';

const site = await startCrossOriginSite({
  pagePort: Number(process.env.PAGE_PORT ?? 8080),
  porticoPort: Number(process.env.PORTICO_PORT ?? 3000),
});
await announceExample(site.portico.backend, `The page: ${site.page.origin}/  ·  Portico: ${site.portico.origin}/portal`, site.stop);

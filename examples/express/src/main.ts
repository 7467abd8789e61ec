/**
 * `npm start --workspace=@portico/example-express`: the Express site on
 * PORT (default 3000), a fresh in-memory database, and one sign-in link
 * printed to open.
 */
import { announceExample } from '@portico/example-kit';
import { startExpressSite } from './express-site.js';

const site = await startExpressSite({ port: Number(process.env.PORT ?? 3000) });
await announceExample(site.backend, `Express site at ${site.origin}/account, Portico at ${site.origin}/portal.`, site.stop);

/**
 * `npm start --workspace=@portico/example-react-vite`: the React app and
 * Portico on one port (PORT, default 5173), a fresh in-memory database, and
 * one sign-in link printed to open.
 */
import { announceExample } from '@portico/example-kit';
import { startReactSite } from './react-site.js';

const site = await startReactSite({ port: Number(process.env.PORT ?? 5173) });
await announceExample(site.backend, `React app at ${site.origin}/, Portico at ${site.origin}/portal.`, site.stop);

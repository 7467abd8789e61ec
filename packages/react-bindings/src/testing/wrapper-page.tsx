/**
 * The page the wrappers' browser test loads: two generated components with
 * string, number and event props, and a record of the events React saw.
 */
import { createRoot } from 'react-dom/client';
import { PorticoInvoiceList, PorticoStatement } from '../index.js';

declare global {
  interface Window {
    reactSaw: string[];
  }
}

window.reactSaw = [];
const root = document.getElementById('root');
if (!root) throw new Error('The test page has no #root.');
createRoot(root).render(
  <>
    <PorticoStatement
      server="/portal"
      business="northwind"
      lang="de"
      onPorticoAuthRequired={(event) => window.reactSaw.push(`statement ${event.detail.error.status}`)}
    />
    <PorticoInvoiceList
      server="/portal"
      business="northwind"
      pageSize={7}
      onPorticoAuthRequired={(event) => window.reactSaw.push(`invoice-list ${event.detail.error.status}`)}
    />
  </>,
);

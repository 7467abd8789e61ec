import { PorticoPortal } from '@portico/react';
import { useState } from 'react';

/**
 * The React app's account screen: Portico's portal as a React component
 * (from @portico/react, generated from the widgets), with the app reacting to
 * its typed events. Portico is mounted at /portal on the same origin.
 */
export function App() {
  const [signedInAs, setSignedInAs] = useState<string | null>(null);
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '72rem', margin: '0 auto', padding: '1rem' }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 style={{ fontSize: '1.25rem' }}>Northwind Design</h1>
        <p role="status">{signedInAs ? `Signed in as ${signedInAs}` : 'Not signed in'}</p>
      </header>
      <PorticoPortal
        server="/portal"
        business="northwind"
        onPorticoSignedIn={(event) => setSignedInAs(event.detail.session.contact?.name ?? event.detail.session.client.name)}
        onPorticoSignedOut={() => setSignedInAs(null)}
      />
    </div>
  );
}

import { startPorticoServer, type PorticoServer } from './portico-server.js';
import { PORTICO_ORIGIN_IN_PAGE, startStaticServer, type StaticServer } from './static-server.js';

export interface CrossOriginSite {
  page: StaticServer;
  portico: PorticoServer;
  stop(): Promise<void>;
}

/** The static page on one origin and Portico on another, each on its port (0: a free one). */
export async function startCrossOriginSite({ pagePort = 8080, porticoPort = 3000 } = {}): Promise<CrossOriginSite> {
  let porticoOrigin = PORTICO_ORIGIN_IN_PAGE;
  const page = await startStaticServer({ port: pagePort, porticoOrigin: () => porticoOrigin });
  try {
    const portico = await startPorticoServer({ port: porticoPort, pageUrl: `${page.origin}/` });
    porticoOrigin = portico.origin;
    return {
      page,
      portico,
      async stop() {
        await Promise.all([page.stop(), portico.stop()]);
      },
    };
  } catch (error) {
    await page.stop();
    throw error;
  }
}

import type { PorticoApi, PorticoEvent } from '@portico/core';
import express, { type Express } from 'express';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvents {
  /** The events received and verified, each once (a repeat of an id is acknowledged and dropped). */
  events: PorticoEvent[];
  /** Requests refused for a bad or missing signature. */
  refused: number;
}

/**
 * The site's own receiver of Portico's events: registers a webhook endpoint
 * for every type at `<origin><path>` and verifies each delivery with the
 * `standardwebhooks` package on the raw body, as docs/events.md shows. A
 * real site would keep the handled ids in its database, not in memory.
 */
export async function receivePorticoEvents(
  app: Express,
  { api, businessId, origin, path = '/portico-events' }: { api: PorticoApi; businessId: string; origin: string; path?: string },
): Promise<ReceivedEvents> {
  const received: ReceivedEvents = { events: [], refused: 0 };
  const endpoint = await api.business(businessId, { actor: 'example' }).webhooks.create({ url: `${origin}${path}`, eventTypes: ['*'], description: 'The Express site' });
  const verifier = new Webhook(endpoint.secret);

  app.post(path, express.raw({ type: 'application/json' }), (req, res) => {
    let event: PorticoEvent;
    try {
      event = verifier.verify(req.body as Buffer, req.headers as Record<string, string>) as PorticoEvent;
    } catch {
      received.refused += 1;
      res.status(400).send('Bad signature');
      return;
    }
    if (!received.events.some((known) => known.id === event.id)) {
      received.events.push(event);
      console.log(`[site] Portico event ${event.type} (${event.id})`);
    }
    res.sendStatus(204);
  });
  return received;
}

/**
 * signin: how long redeeming a magic link takes with 100,000 live links in the
 * table, against a bare indexed SELECT of one token row on the same file.
 *
 * Setup: a fresh SQLite file in a temporary folder (createDatabase, migrated as
 * the server opens it), one business, client and contact made through the API,
 * then 100,000 live tokens inserted in bulk as issueMagicLinkToken stores them
 * (SHA-256 hashes only), in batched transactions.
 *
 * Measured, interleaved in random order after a warm-up:
 * - redeem: api.signIn.redeem, as POST /auth/link/:business/:token calls it
 *   (one transaction: the atomic DELETE ... RETURNING of the token, a new
 *   session row and the audit entry), each on a different random token;
 * - select: SELECT ... FROM magic_link_tokens WHERE token_hash = ? through the
 *   same Kysely instance, on tokens not redeemed, with the hash computed
 *   beforehand (the baseline: one primary-key lookup).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  INVOICE_LINK_TTL_MS,
  SIGN_IN_LINK_TTL_MS,
  createDatabase,
  createPorticoApi,
  systemClock,
  type PorticoSchema,
} from '@portico/core';
import { sql, type Insertable } from 'kysely';
import { elapsedMs, percentile, shuffle, type Report } from './lib/figures.js';

const TOKENS = 100_000;
/** Rows per INSERT (8 columns each, well under SQLite's 32,766 bound parameters). */
const ROWS_PER_INSERT = 1_000;
/** INSERTs per transaction. */
const INSERTS_PER_TRANSACTION = 10;
const WARM_UP = 500;
const MEASURED = 4_000;

/** As generateSecretToken / hashSecretToken in @portico/core (auth/secret-tokens.ts), which the package does not export. */
const newToken = () => randomBytes(32).toString('base64url');
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export default async function signin(report: Report): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'portico-bench-signin-'));
  const file = join(folder, 'portico.sqlite');
  const database = await createDatabase({ sqlite: file });
  try {
    const { db } = database;
    const setupStart = performance.now();

    const api = createPorticoApi({ db });
    const business = await api.businesses.create({ name: 'Bench Studio', slug: 'bench', portalUrl: 'https://billing.bench.test/portal' });
    const client = await api.business(business.id).clients.create({
      name: 'Globex',
      contacts: [{ name: 'Ann Ledger', email: 'ann@globex.test' }],
    });
    const contact = client.contacts[0]!;

    const tokens: string[] = new Array(TOKENS);
    const now = systemClock.now().getTime();
    for (let start = 0; start < TOKENS; start += ROWS_PER_INSERT * INSERTS_PER_TRANSACTION) {
      await db.transaction().execute(async (trx) => {
        for (let batch = start; batch < Math.min(start + ROWS_PER_INSERT * INSERTS_PER_TRANSACTION, TOKENS); batch += ROWS_PER_INSERT) {
          const rows: Insertable<PorticoSchema['magic_link_tokens']>[] = [];
          for (let i = batch; i < Math.min(batch + ROWS_PER_INSERT, TOKENS); i++) {
            const token = newToken();
            tokens[i] = token;
            // Half "email me a link" (10 minutes), half invoice-email links (7 days): all live for the whole run.
            const signIn = i % 2 === 0;
            rows.push({
              token_hash: hashToken(token),
              business_id: business.id,
              client_id: client.id,
              contact_id: contact.id,
              purpose: signIn ? 'sign_in' : 'invoice_email',
              invoice_id: null,
              expires_at: now + (signIn ? SIGN_IN_LINK_TTL_MS : INVOICE_LINK_TTL_MS),
              created_at: now,
            });
          }
          await trx.insertInto('magic_link_tokens').values(rows).execute();
        }
      });
    }
    // Fold the write-ahead log into the file, so the size below is the table's, and analyse as a long-running server would have.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    await sql`analyze`.execute(db);
    const setupMs = elapsedMs(setupStart);
    const live = await db.selectFrom('magic_link_tokens').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    report.figure('tokens', Number(live.n), 'tokens');
    report.figure('file_size', statSync(file).size / 1_048_576, 'MiB');
    report.figure('setup', setupMs / 1000, 's');

    // Distinct random tokens: the first for warm-up and redemption, others only ever selected.
    const picked = shuffle(tokens.slice()).slice(0, 2 * (WARM_UP + MEASURED));
    const toRedeem = picked.slice(0, WARM_UP + MEASURED);
    const toSelect = picked.slice(WARM_UP + MEASURED).map(hashToken);

    async function redeem(token: string): Promise<number> {
      const start = performance.now();
      const signedIn = await api.signIn.redeem(business.id, token, 'cookie');
      const ms = elapsedMs(start);
      if (!signedIn.id) throw new Error('api.signIn.redeem returned no session');
      return ms;
    }
    async function select(tokenHash: string): Promise<number> {
      const start = performance.now();
      const row = await db
        .selectFrom('magic_link_tokens')
        .select(['business_id', 'client_id', 'contact_id', 'purpose', 'invoice_id', 'ticket_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      const ms = elapsedMs(start);
      if (!row) throw new Error('a live token was not found');
      return ms;
    }

    for (let i = 0; i < WARM_UP; i++) {
      await redeem(toRedeem[i]!);
      await select(toSelect[i]!);
    }
    const redeemMs: number[] = [];
    const selectMs: number[] = [];
    for (let i = WARM_UP; i < WARM_UP + MEASURED; i++) {
      // Alternate which goes first, so neither always follows the other's write.
      if (Math.random() < 0.5) {
        redeemMs.push(await redeem(toRedeem[i]!));
        selectMs.push(await select(toSelect[i]!));
      } else {
        selectMs.push(await select(toSelect[i]!));
        redeemMs.push(await redeem(toRedeem[i]!));
      }
    }

    const redeemP50 = percentile(redeemMs, 50);
    const redeemP99 = percentile(redeemMs, 99);
    const selectP50 = percentile(selectMs, 50);
    const selectP99 = percentile(selectMs, 99);
    report.figure('redemptions', MEASURED, 'redemptions');
    report.figure('redeem_p50', redeemP50, 'ms');
    report.figure('redeem_p99', redeemP99, 'ms');
    report.figure('select_p50', selectP50, 'ms');
    report.figure('select_p99', selectP99, 'ms');
    report.ratio('redeem_vs_select_p50', redeemP50, selectP50);
    report.ratio('redeem_vs_select_p99', redeemP99, selectP99);
  } finally {
    await database.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

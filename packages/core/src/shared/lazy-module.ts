/**
 * A module imported the first time it is needed, then kept. Portico's heavy
 * optional SDKs (Stripe, Resend, nodemailer, mailparser, pg) load this way, so
 * a server that never sends an email or takes a payment never pays their
 * memory. A failed import is forgotten, so the next call tries again.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

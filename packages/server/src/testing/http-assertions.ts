import { expect } from 'vitest';
import type { AuthorizeAdmin } from '../http/admin-auth.js';

/** The response's JSON body, after checking its status (the body is printed when the status is wrong). */
export async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** The host's check in tests: `x-staff: <business id>/<user id>` stands in for the host's own session cookie. */
export const byStaffHeader: AuthorizeAdmin = (request) => {
  const [businessId, userId] = (request.headers.get('x-staff') ?? '').split('/');
  return businessId && userId ? { businessId, userId } : null;
};

import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_ATTACHMENT_BYTES, PorticoError, type AttachmentInput } from '@portico/core';
import type { Context } from 'hono';
import { readJsonObject } from './json-body.js';

/**
 * The most a message with files may carry: every file at the per-message
 * ceiling, plus room for the text and the multipart framing.
 */
export const MAX_UPLOAD_BODY_BYTES = MAX_MESSAGE_ATTACHMENT_BYTES + 512 * 1024;

/** The routes that take files: a new ticket and a reply, the client's and the business's. */
const uploadRoute = /\/tickets(?:\/[^/]+\/messages)?$/;

/** Whether a request is a message with files (multipart/form-data to a ticket write route), which may be larger than JSON. */
export function isUpload(c: Context): boolean {
  return c.req.method === 'POST' && uploadRoute.test(c.req.path) && isMultipart(c);
}

function isMultipart(c: Context): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

/**
 * A message's fields and its files, from JSON (no files) or from a
 * `multipart/form-data` form: text fields by name, every file under `files`.
 * Fields stay unchecked (the core validates them, and checks each file's
 * size, type and first bytes as it does for inbound mail).
 */
export async function readMessageBody<T>(c: Context): Promise<{ fields: Partial<T>; attachments: AttachmentInput[] }> {
  if (!isMultipart(c)) return { fields: await readJsonObject<T>(c), attachments: [] };
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new PorticoError('invalid_input', 'The form could not be read.');
  }
  const fields: Record<string, unknown> = {};
  const files: File[] = [];
  for (const [name, value] of Object.entries(form)) {
    const values = Array.isArray(value) ? value : [value];
    if (name === 'files') {
      for (const item of values) {
        if (typeof item === 'string') throw new PorticoError('invalid_input', '"files" must be files.', { field: 'files' });
        files.push(item);
      }
    } else if (values.length !== 1 || typeof values[0] !== 'string') {
      throw new PorticoError('invalid_input', `"${name}" must be one text field.`, { field: name });
    } else {
      fields[name] = name === 'internal' ? values[0] === 'true' : values[0];
    }
  }
  // Counted before any file is read into memory.
  if (files.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new PorticoError('invalid_input', `A message takes at most ${MAX_ATTACHMENTS_PER_MESSAGE} files.`, { field: 'files' });
  }
  const attachments = await Promise.all(
    files.map(async (file) => ({ filename: file.name, contentType: file.type, content: new Uint8Array(await file.arrayBuffer()) })),
  );
  return { fields: fields as Partial<T>, attachments };
}

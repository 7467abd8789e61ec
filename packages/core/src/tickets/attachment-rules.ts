import { PorticoError } from '../shared/errors.js';
import type { AttachmentInput } from './ticket-model.js';

/** 10 MB per file. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** 25 MB for all the files of one message. */
export const MAX_MESSAGE_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 20;
const MAX_FILENAME_LENGTH = 200;

/** A file that passed the checks, ready to store. */
export interface PreparedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

type Signature = (bytes: Uint8Array) => boolean;

const startsWith =
  (...prefix: number[]): Signature =>
  (bytes) =>
    prefix.every((byte, index) => bytes[index] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const zip = startsWith(0x50, 0x4b, 0x03, 0x04);
const ole = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
/** Text has no NUL bytes (in what we look at): keeps a renamed binary out. */
const text: Signature = (bytes) => !bytes.subarray(0, 64 * 1024).includes(0);

/**
 * The allow-list: images, PDF, plain text and CSV, office documents. Each
 * type has the file name extensions it goes by and what its first bytes must
 * be, so `invoice.pdf` that is really a program is refused. No HTML, SVG
 * (script), archives or executables: the files are served back to browsers.
 */
const allowedTypes: Record<string, { extensions: string[]; signature: Signature }> = {
  'image/png': { extensions: ['png'], signature: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  'image/jpeg': { extensions: ['jpg', 'jpeg', 'jpe'], signature: startsWith(0xff, 0xd8, 0xff) },
  'image/gif': { extensions: ['gif'], signature: startsWith(...ascii('GIF8')) },
  'image/webp': {
    extensions: ['webp'],
    signature: (bytes) => startsWith(...ascii('RIFF'))(bytes) && startsWith(...ascii('WEBP'))(bytes.subarray(8)),
  },
  'application/pdf': { extensions: ['pdf'], signature: startsWith(...ascii('%PDF-')) },
  'text/plain': { extensions: ['txt', 'text', 'log'], signature: text },
  'text/csv': { extensions: ['csv'], signature: text },
  'application/msword': { extensions: ['doc'], signature: ole },
  'application/vnd.ms-excel': { extensions: ['xls'], signature: ole },
  'application/vnd.ms-powerpoint': { extensions: ['ppt'], signature: ole },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], signature: zip },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], signature: zip },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { extensions: ['pptx'], signature: zip },
  'application/vnd.oasis.opendocument.text': { extensions: ['odt'], signature: zip },
  'application/vnd.oasis.opendocument.spreadsheet': { extensions: ['ods'], signature: zip },
  'application/vnd.oasis.opendocument.presentation': { extensions: ['odp'], signature: zip },
};

const typeByExtension = new Map(
  Object.entries(allowedTypes).flatMap(([type, rule]) => rule.extensions.map((extension) => [extension, type] as const)),
);

/** Types that say nothing about the file: the extension decides. */
const unspecificTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** What the allow-list says, for error messages and docs. */
export const allowedAttachmentExtensions: readonly string[] = [...typeByExtension.keys()];

/**
 * Checks a message's files: each at most 10 MB, together at most 25 MB, of an
 * allowed type. The type is the one the file name's extension stands for
 * (mail programs label CSV as Excel, or anything as octet-stream); a declared
 * type off the allow-list (text/html, application/x-msdownload) is refused,
 * and the first bytes must match. Throws before anything is written.
 */
export function prepareAttachments(value: unknown): PreparedAttachment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PorticoError('invalid_input', 'attachments must be a list of files.', { field: 'attachments' });
  if (value.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new PorticoError('invalid_input', `A message can have at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments.`, { field: 'attachments' });
  }
  const prepared = value.map((file, index) => prepareAttachment(file, `attachments.${index}`));
  const total = prepared.reduce((sum, file) => sum + file.content.length, 0);
  if (total > MAX_MESSAGE_ATTACHMENT_BYTES) {
    throw new PorticoError('attachment_too_large', `The attachments of one message may add up to at most ${megabytes(MAX_MESSAGE_ATTACHMENT_BYTES)}.`, {
      field: 'attachments',
    });
  }
  return prepared;
}

function prepareAttachment(file: unknown, field: string): PreparedAttachment {
  if (typeof file !== 'object' || file === null) {
    throw new PorticoError('invalid_input', `${field} must be a file: { filename, contentType, content }.`, { field });
  }
  const input = file as Partial<AttachmentInput>;
  const filename = cleanFilename(input.filename, `${field}.filename`);
  if (!(input.content instanceof Uint8Array)) {
    throw new PorticoError('invalid_input', `${field}.content must be the file's bytes (a Uint8Array).`, { field: `${field}.content` });
  }
  if (input.content.length === 0) throw new PorticoError('invalid_input', `${filename} is empty.`, { field: `${field}.content` });
  if (input.content.length > MAX_ATTACHMENT_BYTES) {
    throw new PorticoError('attachment_too_large', `${filename} is larger than ${megabytes(MAX_ATTACHMENT_BYTES)}, the most one file may be.`, {
      field,
    });
  }
  const declared = typeof input.contentType === 'string' ? input.contentType.split(';')[0]!.trim().toLowerCase() : '';
  if (!unspecificTypes.has(declared) && !(declared in allowedTypes)) throw typeNotAllowed(filename, field);
  const extension = /\.([a-z0-9]{1,8})$/i.exec(filename)?.[1]?.toLowerCase();
  const contentType = extension === undefined ? undefined : typeByExtension.get(extension);
  if (!contentType) throw typeNotAllowed(filename, field);
  if (!allowedTypes[contentType]!.signature(input.content)) {
    throw new PorticoError('attachment_type_not_allowed', `${filename} does not contain what its name says (${extension}).`, { field });
  }
  return { filename, contentType, content: Buffer.from(input.content) };
}

/** The base name, one line, no path: a name a browser can offer in Content-Disposition. */
function cleanFilename(value: unknown, field: string): string {
  const name =
    typeof value === 'string'
      ? value
          .split(/[/\\]/)
          .pop()!
          // eslint-disable-next-line no-control-regex
          .replace(/[\u0000-\u001f\u007f"]+/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  if (name === '' || name === '.' || name === '..') {
    throw new PorticoError('invalid_input', `${field} is required: the file's name with its extension.`, { field });
  }
  if (name.length > MAX_FILENAME_LENGTH) {
    throw new PorticoError('invalid_input', `${field} must be at most ${MAX_FILENAME_LENGTH} characters.`, { field });
  }
  return name;
}

function typeNotAllowed(filename: string, field: string): PorticoError {
  return new PorticoError(
    'attachment_type_not_allowed',
    `${filename} can't be attached: only images (PNG, JPEG, GIF, WebP), PDF, text and CSV files and office documents are allowed.`,
    { field },
  );
}

function megabytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MB`;
}

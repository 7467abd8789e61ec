/**
 * A ticket message's request body: JSON when it has no files, else a
 * `multipart/form-data` form with each field as text and every file under
 * `files` (the browser sets the boundary).
 */
export function messagePayload(body: object, files: readonly File[] = []): { json: unknown } | { form: FormData } {
  if (files.length === 0) return { json: body };
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value !== undefined && value !== null) form.append(name, String(value));
  }
  for (const file of files) form.append('files', file, file.name);
  return { form };
}

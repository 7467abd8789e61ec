/** Where the client's estimate routes are (`/api/estimates/*`). */

export function estimatePath(id: string): string {
  return `/api/estimates/${encodeURIComponent(id)}`;
}

export function estimatePdfPath(id: string): string {
  return `${estimatePath(id)}/pdf`;
}

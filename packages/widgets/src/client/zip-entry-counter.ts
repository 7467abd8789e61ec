/**
 * Counts the PDFs in a ZIP while it streams in, from each entry's local file
 * header (`PK\x03\x04`, then the name at offset 30), so a progress bar can say
 * "12 of 80 invoices" before the download ends. Keeps only the few bytes of a
 * header cut in two between chunks; never the file.
 */
export class ZipEntryCounter {
  /** Entries whose name ends in `.pdf`. */
  count = 0;
  /** Every entry seen (the CSV index included). */
  entries = 0;
  #tail: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    let data = chunk;
    if (this.#tail.byteLength > 0) {
      const joined = new Uint8Array(this.#tail.byteLength + data.byteLength);
      joined.set(this.#tail);
      joined.set(data, this.#tail.byteLength);
      data = joined;
    }
    this.#tail = new Uint8Array(0);
    const end = data.byteLength;
    let i = 0;
    while (i + 4 <= end) {
      if (data[i] !== 0x50 || data[i + 1] !== 0x4b || data[i + 2] !== 0x03 || data[i + 3] !== 0x04) {
        i++;
        continue;
      }
      if (i + 30 > end) break; // header cut in two: keep it for the next chunk
      const nameLength = data[i + 26]! | (data[i + 27]! << 8);
      if (i + 30 + nameLength > end) break;
      const name = new TextDecoder().decode(data.subarray(i + 30, i + 30 + nameLength));
      this.entries++;
      if (name.toLowerCase().endsWith('.pdf')) this.count++;
      i += 30 + nameLength;
    }
    // Keep what may be the start of a header: from a signature that did not fit, or the last 3 bytes.
    const keepFrom = i + 4 <= end ? i : Math.max(i, end - 3);
    if (keepFrom < end) this.#tail = data.slice(keepFrom);
  }
}

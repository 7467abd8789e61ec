/**
 * Bytes appended piece by piece into one buffer that doubles when it is full.
 * Thousands of short pieces (a CSV line, a ZIP directory record) cost their
 * bytes and no more, where an array of strings or typed arrays would keep an
 * object, and often a separate allocation, for each.
 */
export class ByteList {
  #buffer: Uint8Array;
  #length = 0;

  constructor(initialCapacity = 4096) {
    this.#buffer = new Uint8Array(initialCapacity);
  }

  get length(): number {
    return this.#length;
  }

  /** Room for `count` more bytes at the end, which the caller then writes from `length` on. */
  reserve(count: number): Uint8Array {
    const needed = this.#length + count;
    if (needed > this.#buffer.length) {
      let capacity = this.#buffer.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.#buffer.subarray(0, this.#length));
      this.#buffer = grown;
    }
    const room = this.#buffer.subarray(this.#length, needed);
    this.#length = needed;
    return room;
  }

  append(bytes: Uint8Array): void {
    this.reserve(bytes.length).set(bytes);
  }

  /** The bytes so far, as a view (not a copy): appending more may leave it stale. */
  bytes(): Uint8Array {
    return this.#buffer.subarray(0, this.#length);
  }
}

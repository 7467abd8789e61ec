import { describe, expect, it } from 'vitest';
import { newId, newOrderedId } from './ids.js';

describe('ids', () => {
  it('prefixes random ids by kind', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('inv')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^inv_[A-Za-z0-9_-]{16}$/);
  });

  it('makes ordered ids that sort as text in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newOrderedId('aud'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^aud_[0-9a-f]{38}$/);
  });
});

import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-module.js';

describe('lazyModule', () => {
  it('imports nothing until asked, then once however many ask at the same time', async () => {
    let loads = 0;
    const load = lazyModule(async () => ({ loaded: ++loads }));
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([load(), load()]);
    expect(await load()).toBe(first);
    expect(second).toBe(first);
    expect(loads).toBe(1);
  });

  it('tries again after an import that failed', async () => {
    let attempts = 0;
    const load = lazyModule(async () => {
      if (++attempts === 1) throw new Error('Cannot find package');
      return { attempt: attempts };
    });
    await expect(load()).rejects.toThrow('Cannot find package');
    expect(await load()).toEqual({ attempt: 2 });
    expect(attempts).toBe(2);
  });
});

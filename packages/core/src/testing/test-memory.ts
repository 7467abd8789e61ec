import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * For tests: the bytes the main thread's heap and its ArrayBuffers still hold
 * after a full garbage collection, i.e. what is kept, not what is garbage.
 */
export function retainedBytes(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

let gc: (() => void) | undefined;

function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

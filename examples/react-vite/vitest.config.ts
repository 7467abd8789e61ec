import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Only the server-side smoke test runs in vitest; the app itself runs in Chromium.
export default mergeConfig(shared, { test: { include: ['src/server/**/*.test.ts'] } });

import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // In this repository the workspace packages are used from their TypeScript sources.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: { target: 'es2022' },
});

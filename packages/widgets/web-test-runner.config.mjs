import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

/**
 * Browser tests in headless Chromium. The browser is the system's (Debian's
 * /usr/bin/chromium on CI); CHROME_PATH or CHROMIUM_PATH point elsewhere.
 * Nothing here downloads a browser.
 */
const executablePath = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  // Lit's dev build (its warnings are useful in tests) announces itself on every page.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  // Generous limits, because a CI machine shares two cores between Chromium and
  // the other packages' tests: a file's first test (loading axe, transforming
  // modules) took over 10 s there, and a file that imports the whole bundle
  // once missed the 20 s default for starting at all (CI passed 314 of 315
  // tests, then failed the run). A passing test never waits for these.
  testFramework: { config: { timeout: 30_000 } },
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
};

/// <reference lib="dom" />
// (page.evaluate() callbacks run in the browser)
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { StaffMember } from '../../../src/staff/staff-member.entity';
import { createTestApp, TestApp } from '../../support/create-test-app';
import { BrowserWorld } from './browser-world';

const WEB_ROOT = 'web/dist';
const RESULTS_DIR = resolve('test-results');
// a ceiling for a real server and browser on a shared two-core machine, not a speed check
const BROWSER_TEST_TIMEOUT_MS = 120_000;
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The real server (built web client, an empty database) on a free port, and Debian's Chromium
 * driven by playwright-core. One per test file; each test makes the people it uses in `world`.
 */
export class BrowserHarness {
  readonly world: BrowserWorld;

  private constructor(
    readonly app: TestApp,
    readonly baseUrl: string,
    private readonly browser: Browser,
  ) {
    this.world = new BrowserWorld(app);
  }

  static async start(env: NodeJS.ProcessEnv = {}): Promise<BrowserHarness> {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) {
      throw new Error(`${WEB_ROOT}/index.html is missing: run "npm run build:web" first`);
    }
    const app = await createTestApp({ WEB_ROOT, ...env }, { listen: true });
    try {
      const { port } = app.app.getHttpServer().address() as AddressInfo;
      // launch() gives Chromium a new temporary profile (user-data dir) that it deletes on close,
      // and every test gets its own new context on top: nothing is remembered between tests
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
      });
      return new BrowserHarness(app, `http://127.0.0.1:${port}`, browser);
    } catch (error) {
      await app.close();
      throw error;
    }
  }

  /** A new, empty browser context (no cookies, no storage) with a page in it. */
  async newPage(options: { width?: number; height?: number } = {}): Promise<JourneyPage> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      viewport: { width: options.width ?? 1024, height: options.height ?? 768 },
      locale: 'en-GB',
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    return new JourneyPage(context, page, this.baseUrl);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.app.close();
  }
}

/** A page in a journey: every page it lands on must pass axe-core at WCAG 2.2 AA. */
export class JourneyPage {
  private readonly visited = new Set<string>();
  private readonly checked = new Set<string>();
  readonly consoleErrors: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    baseUrl: string,
  ) {
    // our pages, not Microsoft's sign-in pages on the way
    const ours = (url: string) => url === 'about:blank' || url.startsWith(`${baseUrl}/`);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && ours(frame.url())) this.visited.add(pathOf(frame.url()));
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    // anything the Content-Security-Policy blocked
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        this.consoleErrors.push(message.text());
      }
    });
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await this.settled();
  }

  /** Waits for the page to finish loading its data (no loading indicator, network quiet). */
  async settled(): Promise<void> {
    await this.page.waitForLoadState('networkidle');
    await this.page.locator('.app-loading').first().waitFor({ state: 'detached', timeout: 10_000 });
    await this.page.locator('h1').first().waitFor();
  }

  /** The page title becomes this (titles follow client-side navigation, a moment later). */
  async expectTitle(title: string): Promise<void> {
    try {
      await this.page.waitForFunction((expected) => document.title === expected, title, {
        timeout: 5_000,
      });
    } catch {
      throw new Error(`Expected the page title "${title}", got "${await this.page.title()}"`);
    }
  }

  /** Runs axe-core (WCAG 2.2 AA) on the page as it is now and fails on any violation. */
  async expectAccessible(): Promise<void> {
    await this.settled();
    // judge links at rest: NHS.UK drops a link's underline while the pointer is over it, and the
    // pointer stays wherever the last click was (often where a link lands after navigating)
    await this.page.mouse.move(0, 0);
    const results = await new AxeBuilder({ page: this.page }).withTags(WCAG_22_AA).analyze();
    this.checked.add(pathOf(this.page.url()));
    const violations = results.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')} – ${n.failureSummary}`).join('\n'),
    );
    if (violations.length > 0) {
      throw new Error(
        `axe-core found WCAG 2.2 AA violations on ${this.page.url()}:\n${violations.join('\n')}`,
      );
    }
  }

  /**
   * Development sign-in as a person the test made, the way a developer would: find them on the
   * "Sign in" page and press their button. Lands on (and checks) the page signing in leads to.
   */
  async signInAs(person: StaffMember, landing = '**/me'): Promise<void> {
    if (!this.page.url().includes('/sign-in')) await this.goto('/sign-in');
    await this.expectAccessible();
    await this.page.getByLabel('Find a person to sign in as').fill(person.displayName);
    await this.page.getByRole('button', { name: 'Find', exact: true }).click();
    const button = this.page.getByRole('button', {
      name: `Sign in as ${person.displayName}`,
      exact: true,
    });
    await button.click();
    await this.page.waitForURL(landing);
    await this.settled();
    await this.page.getByRole('banner').getByText(person.displayName, { exact: true }).waitFor();
    await this.expectAccessible();
  }

  /** Signs in with a token stored where the web client keeps it (quicker than the page). */
  async signInWithToken(token: string, displayName: string): Promise<void> {
    await this.goto('/');
    await this.expectAccessible();
    await this.page.evaluate((accessToken) => {
      localStorage.setItem(
        'staff-voices.dev-session',
        JSON.stringify({ accessToken, expiresAt: Date.now() + 3_600_000 }),
      );
    }, token);
    await this.goto('/me');
    await this.page.getByRole('banner').getByText(displayName, { exact: true }).waitFor();
  }

  /** Every page the journey landed on was checked by axe. */
  expectEveryVisitedPageChecked(): void {
    const unchecked = [...this.visited].filter(
      (path) => path !== 'about:blank' && !this.checked.has(path),
    );
    if (unchecked.length > 0) {
      throw new Error(`Pages visited but not checked with axe-core: ${unchecked.join(', ')}`);
    }
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

function pathOf(url: string): string {
  if (!url.startsWith('http')) return url;
  return new URL(url).pathname;
}

/**
 * A browser test: opens a fresh page, runs the steps, and on failure saves a full-page
 * screenshot to test-results/ before failing. Also fails if a visited page skipped axe.
 */
export function browserTest(
  name: string,
  harness: () => BrowserHarness,
  steps: (page: JourneyPage) => Promise<void>,
  options: { width?: number; height?: number } = {},
): void {
  it(
    name,
    async () => {
      const journey = await harness().newPage(options);
      try {
        await steps(journey);
        journey.expectEveryVisitedPageChecked();
        // a script error the person would not see is still a bug
        expect(journey.consoleErrors).toEqual([]);
      } catch (error) {
        const file = await journey.screenshot(name).catch(() => null);
        if (file && error instanceof Error) error.message += `\n(screenshot: ${file})`;
        throw error;
      } finally {
        await journey.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
}

/** Starts one harness for the test file (before its tests) and stops it afterwards. */
export function useBrowserHarness(env: NodeJS.ProcessEnv = {}): () => BrowserHarness {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await BrowserHarness.start(env);
  }, BROWSER_TEST_TIMEOUT_MS);
  afterAll(async () => {
    await harness?.close();
  }, BROWSER_TEST_TIMEOUT_MS);
  return () => {
    if (!harness) throw new Error('The browser harness did not start');
    return harness;
  };
}

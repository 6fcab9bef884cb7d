/**
 * The waiting-room page in a real browser: Debian's chromium driven by playwright-core
 * (never a browser download). Bookings and calls go through the API; the page must show each
 * change within a second.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, testServer, type TestServer } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let server: TestServer;
let base: string;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  server = await testServer(undefined, undefined, 20);
  base = await server.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('/display in chromium', () => {
  it('shows bookings and calls within a second, no names, and a screenshot', async () => {
    const display = server.store.addKey('tv', 'display');
    const desk = server.store.addKey('desk', 'desk');
    const api = (url: string, body: object = {}) => server.app.inject({ ...post(url, body), headers: { authorization: `Bearer ${desk}` } });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${base}/display?key=${display}`);
    await page.locator('section[data-doctor="sharma"]').waitFor({ timeout: 5000 });
    await expect.poll(() => page.locator('#state').textContent()).toBe('live');

    await api('/api/v1/bookings', { doctor: 'sharma', patient: 'Asha Rao', phone: '98450 11111', slot: '9-10' });
    await api('/api/v1/bookings', { doctor: 'sharma', patient: 'Ravi Kumar', source: 'emergency', slot: '9-10' });
    await api('/api/v1/bookings', { doctor: 'reddy', patient: 'Meena', slot: '10-11' });
    // The TV lists who is checked in, in call order.
    await api('/api/v1/tokens/SHR-001/check-in');
    await api('/api/v1/tokens/SHR-002/check-in');
    await api('/api/v1/tokens/RED-001/check-in');
    const next = page.locator('section[data-doctor="sharma"] .next');
    await next.filter({ hasText: 'SHR-002' }).filter({ hasText: 'SHR-001' }).waitFor({ timeout: 1000 });

    await api('/api/v1/doctors/sharma/call');
    await page.locator('section[data-doctor="sharma"] .now', { hasText: 'SHR-002' }).waitFor({ timeout: 1000 });
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/Asha|Ravi|Meena|98450/);
    // Three doctors to a 1920 screen: the token in consultation stays on one line, inside its card.
    const nowLocator = page.locator('section[data-doctor="sharma"] .now');
    const box = await nowLocator.boundingBox();
    // The test's types have no DOM: the page's objects are described as far as they are read.
    const now = await nowLocator.evaluate((el) => {
      const page = globalThis as unknown as { getComputedStyle(element: unknown): { lineHeight: string } };
      const element = el as unknown as { scrollWidth: number; clientWidth: number };
      return { lineHeight: parseFloat(page.getComputedStyle(el).lineHeight), overflow: element.scrollWidth - element.clientWidth };
    });
    expect(box!.height / now.lineHeight).toBeLessThan(1.5);
    expect(now.overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(tmpdir(), 'opd-desk-display.png') });
    await page.close();
  });

  it('reconnects by itself after the stream drops', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const key = server.store.addKey('tv-2', 'display');
    const desk = server.store.addKey('desk-2', 'desk');
    await page.goto(`${base}/display?key=${key}`);
    await expect.poll(() => page.locator('#state').textContent()).toBe('live');
    for (const stream of server.streams) stream.destroy(); // the network drops
    await server.app.inject({ ...post('/api/v1/bookings', { doctor: 'kapoor', patient: 'Dev', slot: '9-10' }), headers: { authorization: `Bearer ${desk}` } });
    await server.app.inject({ ...post('/api/v1/tokens/KAP-001/check-in'), headers: { authorization: `Bearer ${desk}` } });
    await page.locator('section[data-doctor="kapoor"] .next', { hasText: 'KAP-001' }).waitFor({ timeout: 5000 });
    await page.close();
  });
});

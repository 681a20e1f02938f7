/**
 * The report's web page in Chromium at a phone's 375 px and a desktop's 1200 px: the page never scrolls
 * sideways (a wide table scrolls in its own box), table 三's labels keep a readable width, row labels are
 * left-aligned in normal weight. Screenshots are written to the temp dir printed below for looking at them.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { generateReport } from '../../src/core/narrative/generate';
import { renderHtml } from '../../src/core/render/html';
import { countyData2023, countyProfile2023 } from '../core/narrative/fixtures';
import { launchChromium } from './harness';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-html-'));
console.log(`screenshots for looking at: ${dir}`);

describe('the report as a web page', () => {
  let browser: Browser;
  const data = countyData2023();
  const profile = countyProfile2023(data);
  profile.signature = { unit: '某某县人民政府办公室', date: '2024年1月20日' };
  const doc = generateReport(data, profile);

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each([375, 1200])('at %i px: no sideways page scroll, tables in their own scroll box, labels readable and left in normal weight', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.setContent(renderHtml(doc, { standalone: true }));
    await page.screenshot({ path: path.join(dir, `report-${width}.png`), fullPage: true });
    await page.screenshot({ path: path.join(dir, `report-${width}-top.png`) });
    await page.locator('table').nth(1).locator('xpath=..').screenshot({ path: path.join(dir, `table3-${width}.png`) });
    const m = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('table')].map((t) => {
        const box = t.parentElement!;
        return { overflow: getComputedStyle(box).overflowX, scrolls: box.scrollWidth > box.clientWidth + 1, boxWidth: box.clientWidth };
      });
      const labels = [...document.querySelectorAll('th[scope="row"], th[scope="rowgroup"]')].map((th) => {
        const s = getComputedStyle(th);
        return { text: th.textContent ?? '', width: th.getBoundingClientRect().width, align: s.textAlign, weight: s.fontWeight };
      });
      return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, boxes, labels };
    });
    expect(m.page).toBeLessThanOrEqual(m.viewport);
    expect(m.boxes.map((b) => b.overflow)).toEqual(['auto', 'auto', 'auto']);
    if (width === 375) expect(m.boxes.map((b) => b.scrolls)).toEqual([true, true, true]);
    else expect(m.boxes.map((b) => b.scrolls)).toEqual([false, false, false]);
    for (const l of m.labels) {
      expect(l.align).toBe('left');
      expect(l.weight).toBe('400');
    }
    // table 三's first label column holds more than two characters of 14 px a line
    const received = m.labels.find((l) => l.text.startsWith('一、本年新收'))!;
    expect(received.width).toBeGreaterThan(6 * 14);
    await page.close();
  }, 60_000);

  it('the fragment pasted into a narrow CMS column keeps its tables in their scroll boxes', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    await page.setContent(`<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><div style="padding:8px">${renderHtml(doc)}</div></body></html>`);
    await page.screenshot({ path: path.join(dir, 'fragment-375.png'), fullPage: true });
    const m = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, h1: document.querySelectorAll('h1').length }));
    expect(m.page).toBeLessThanOrEqual(375);
    expect(m.h1).toBe(0);
    await page.close();
  }, 60_000);
});

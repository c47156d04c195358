// Renders images/icon.svg to images/icon.png (256×256, the Marketplace and Open VSX want a
// PNG of at least 128 px) in headless Chromium, so the icon is drawn once, as vector source.
// Usage: node scripts/render-icon.mjs   (CHROMIUM=/path/to/chromium; default /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'images', 'icon.svg'), 'utf8');
const size = 256;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(join(root, 'images', 'icon.png'), png);
  console.log(`images/icon.png: ${size}×${size}, ${png.length} bytes`);
} finally {
  await browser.close();
}

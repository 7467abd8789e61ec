// Cuts a tall screenshot into pieces to look at: node test/screenshots/crop.mjs out/NAME.png /tmp/NAME 1000
import { readFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
const [file, prefix, segment = '1000'] = process.argv.slice(2);
const data = (await readFile(file)).toString('base64');
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--headless=new'] });
const page = await browser.newPage();
await page.setContent(`<body style="margin:0"><img id=i src="data:image/png;base64,${data}"></body>`);
const { w, h } = await page.$eval('#i', (img) => ({ w: img.naturalWidth, h: img.naturalHeight }));
await page.setViewport({ width: w, height: Math.min(h, 16000) });
const seg = Number(segment);
for (let y = 0, i = 1; y < h; y += seg, i++) {
  await page.screenshot({ path: `${prefix}-${i}.png`, clip: { x: 0, y, width: w, height: Math.min(seg, h - y) }, captureBeyondViewport: true });
  console.log(`${prefix}-${i}.png`);
}
await browser.close();

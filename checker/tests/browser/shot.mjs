// Not a test: one screenshot of a page with a conv1 detail open, for the README.
//   node shot.mjs PAGE.html OUT.png
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const [file, out] = process.argv.slice(2).map((p) => resolve(p));
const profile = mkdtempSync(join(tmpdir(), "cnnlings-chromium-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.click('#overview [data-layer="conv1"][data-map="4"]');
  for (let i = 0; i < 8; i++) await page.click("#next");
  await page.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

// Drives the pages of `show cnn|conv|pool --html` in headless Chromium as a person
// would: each loads with no script error and no request, choosing a digit redraws, a
// click on a conv1 feature map shows the arithmetic, the lecture's examples step. Takes
// screenshots of the overview and of a convolution detail in both languages.
//
//   node explainer.mjs PAGES SHOTS
//
// PAGES holds cnn-en.html, cnn-ja.html, conv-en.html, conv-ja.html, pool-en.html and
// pool-ja.html (written by `checker show … --html`); the screenshots go into SHOTS.
// CHROMIUM names the browser (default: /usr/bin/chromium, Debian's). Ends with "N passed, N failed".

import { mkdtempSync, mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const [pages, shots] = process.argv.slice(2).map((p) => resolve(p));
if (!pages || !shots) {
  console.error("usage: node explainer.mjs PAGES SHOTS");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log("ok   " + name);
  } else {
    failed++;
    console.log("FAIL " + name + (detail === undefined ? "" : ": " + detail));
  }
}

const profile = mkdtempSync(join(tmpdir(), "cnnlings-chromium-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
  ],
});

// A page opened from its file, with every script error and every request kept.
async function open(file, width, height) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const problems = [];
  const requests = [];
  page.on("pageerror", (e) => problems.push("script error: " + e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push("console error: " + m.text());
  });
  const url = pathToFileURL(join(pages, file)).href;
  page.on("request", (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, problems, requests };
}

const text = (page, selector) => page.$eval(selector, (e) => e.innerText);
const visible = (page, selector) =>
  page.$eval(selector, (e) => !e.hidden && e.getBoundingClientRect().height > 0);
// Whether the page fits its window's width (nothing wider than the window but the
// overview's own lines, which wrap).
const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

try {
  for (const lang of ["en", "ja"]) {
    const file = "cnn-" + lang + ".html";
    check(file + " is under 3 MB", statSync(join(pages, file)).size < 3 * 1024 * 1024);
    const { page, problems, requests } = await open(file, 1280, 800);
    const options = await page.$$eval("#digit option", (o) => o.length);
    check(file + ": at least 20 digits to choose", options >= 20, options);
    const classes = await page.$$eval("[data-class]", (e) => e.map((x) => x.dataset.class).join(""));
    check(file + ": the ten classes", classes === "0123456789", classes);
    const layers = await page.$$eval("#overview [data-layer]", (e) => [...new Set(e.map((x) => x.dataset.layer))].join(" "));
    check(file + ": every layer drawn", layers === "input conv1 relu1 conv2 relu2 pool fc1 relu3 fc2", layers);
    const before = await page.$$eval("[data-class]", (e) => e.map((x) => x.innerText).join("|"));
    const verdictBefore = await text(page, "#verdict");
    await page.screenshot({ path: join(shots, "overview-" + lang + ".png") });

    // Another digit: the probabilities and the answer are drawn anew.
    await page.select("#digit", "1");
    const after = await page.$$eval("[data-class]", (e) => e.map((x) => x.innerText).join("|"));
    const verdictAfter = await text(page, "#verdict");
    check(file + ": choosing a digit redraws", before !== after && verdictBefore !== verdictAfter,
      verdictBefore + " / " + verdictAfter);
    await page.select("#digit", "0");

    // A click on a conv1 map: the window, the kernel, the products, the sum, the bias, ReLU.
    check(file + ": no detail before a click", !(await visible(page, "#detail")));
    await page.click('#overview [data-layer="conv1"][data-map="2"]');
    check(file + ": a click on a conv1 map opens #detail", await visible(page, "#detail"));
    const detail = await text(page, "#detail");
    const words = lang === "en" ? ["input window", "kernel", "products", "bias", "ReLU", "cell 1 of 36"]
      : ["入力の窓", "カーネル", "積", "バイアス", "ReLU", "36 マスのうち 1 マス目"];
    for (const w of words) check(file + ": the detail says " + w, detail.includes(w), detail.slice(0, 300));
    const products = await page.$$eval("#detail .channel table", (t) => t.length);
    check(file + ": input, window, kernel and products", products === 4, products);
    await page.screenshot({ path: join(shots, "conv-detail-" + lang + ".png") });
    // Stepping: the next cell, by the button and by the key.
    await page.click("#next");
    await page.keyboard.press("ArrowRight");
    const third = await text(page, "#detail");
    check(file + ": stepping moves the window", third.includes(lang === "en" ? "cell 3 of 36" : "36 マスのうち 3 マス目"));
    // conv2 reads eight channels: 72 products.
    await page.click('#overview [data-layer="conv2"][data-map="0"]');
    const channels = await page.$$eval("#detail .channel", (c) => c.length);
    check(file + ": conv2's detail has its eight input channels", channels === 8, channels);
    await page.click('#overview [data-layer="pool"][data-map="0"]');
    check(file + ": pooling's detail says the maximum", (await text(page, "#detail")).includes(lang === "en" ? "max(" : "の最大値は"));
    await page.click('[data-class="3"]');
    check(file + ": a class opens softmax's detail", (await text(page, "#detail")).includes("exp(z)"));
    await page.click("#close");
    check(file + ": close hides the detail", !(await visible(page, "#detail")));

    // A phone-sized window: the layers wrap, nothing runs off the side.
    await page.setViewport({ width: 390, height: 844 });
    check(file + ": fits a phone's width", await fits(page));
    if (lang === "ja") {
      await page.screenshot({ path: join(shots, "overview-phone-ja.png"), fullPage: false });
      const body = await page.$eval("body", (b) => b.innerText);
      const english = body.match(/\b(the|your|of|and|Click|input|output|map|cell)\b/g);
      check(file + ": no English in Japanese", english === null, english);
    }
    check(file + ": no script error", problems.length === 0, problems.join("; "));
    check(file + ": no request beyond the file", requests.length === 0, requests.join(" "));
    await page.close();
  }

  for (const [kind, first, later] of [["conv", "= 4", "= 5"], ["pool", "= 8", null]]) {
    for (const lang of ["en", "ja"]) {
      const file = kind + "-" + lang + ".html";
      const { page, problems, requests } = await open(file, 1280, 800);
      const detail = await text(page, "#detail");
      const firstSay = lang === "en" || kind === "conv" ? first : "4, 8, 7, 1 の最大値は 8";
      check(file + ": the first cell's arithmetic", detail.includes(firstSay), detail.slice(0, 400));
      // The output so far: the first cell (as the function computed it), the rest to come.
      const out = await page.$$eval('[data-layer="' + kind + '"] td', (t) => t.map((x) => x.innerText).join(" "));
      const computed = await page.evaluate(() => JSON.parse(document.getElementById("data").textContent).output.cells[0]);
      check(file + ": the output so far", out.replace("!", "").startsWith(computed + " · "), out);
      if (later) {
        await page.click("#next");
        await page.click("#next");
        const third = await text(page, "#detail");
        check(file + ": the third position", third.includes(later), third.slice(0, 400));
      }
      if (kind === "conv") await page.screenshot({ path: join(shots, "conv-page-" + lang + ".png") });
      check(file + ": no script error", problems.length === 0, problems.join("; "));
      check(file + ": no request beyond the file", requests.length === 0, requests.join(" "));
      await page.close();
    }
  }
} catch (e) {
  check("the browser test ran to its end", false, e.stack || String(e));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(passed + " passed, " + failed + " failed");
process.exit(failed === 0 ? 0 : 1);

// Opens a `storyline export html` page from file:// in headless Debian Chromium with every
// non-file request blocked and reported, then checks: no page/console errors, no request left
// the file, TimelineJS rendered one slide per event, and the actors panel follows the selected
// slide. usage: node check_viewer.mjs PAGE.html [SCREENSHOT.png]
// Needs playwright-core (NODE_PATH), e.g. the one ../shared/tools/check_timeline.sh installs.
import { createRequire } from "module";
import fs from "fs";
import os from "os";
import path from "path";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const [page_path, shot] = process.argv.slice(2);
const url = "file://" + path.resolve(page_path);
const problems = [];
const outside = new Set();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-viewer-"));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.KG_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  viewport: { width: 1400, height: 820 },
});
let code = 1;
try {
  const page = context.pages()[0] || (await context.newPage());
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("file:") || u.startsWith("data:") || u.startsWith("blob:")) return route.continue();
    outside.add(u);
    return route.abort();
  });
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("console", (m) => { if (m.type() === "error") problems.push("console error: " + m.text()); });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => document.querySelectorAll(".tl-storyslider .tl-slide").length > 0 ||
    document.getElementById("sl-empty"), null, { timeout: 30000 });
  await page.waitForTimeout(1000);
  const info = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById("sl-data").textContent);
    return {
      events: data.timeline.events.length,
      slides: document.querySelectorAll(".tl-storyslider .tl-slide").length,
      markers: document.querySelectorAll(".tl-timenav .tl-timemarker").length,
      panel: document.getElementById("sl-panel").getAttribute("data-slide"),
      second: data.timeline.events.length > 1 ? data.timeline.events[1].unique_id : null,
    };
  });
  console.log(`viewer: ${info.events} events, ${info.slides} slides, ${info.markers} markers, panel=${info.panel}`);
  if (info.events > 0 && info.slides !== info.events + 1) problems.push(`${info.slides} slides for ${info.events} events + title`);
  if (info.events > 0 && info.markers !== info.events) problems.push(`${info.markers} markers for ${info.events} events`);
  if (info.second) {
    await page.evaluate(() => window.storylineTimeline.goTo(2));
    await page.waitForTimeout(1200);
    const now = await page.evaluate(() => document.getElementById("sl-panel").getAttribute("data-slide"));
    console.log(`after goTo(2): panel=${now}`);
    if (now !== info.second) problems.push(`panel shows ${now}, expected ${info.second}`);
  }
  if (shot) await page.screenshot({ path: shot });
  for (const u of outside) problems.push("request outside the file: " + u);
  for (const p of problems) console.log("FAIL: " + p);
  code = problems.length ? 1 : 0;
  if (!code) console.log("viewer: ok, no network");
} finally {
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(code);

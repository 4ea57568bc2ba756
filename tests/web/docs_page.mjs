// Loads Keyward's /docs page in Debian's headless Chromium and checks what a reader sees.
// Usage: node docs_page.mjs BASE_URL. Exit 0 when every check holds; each failure is printed.
import { launchChromium } from "./chromium.mjs";

const base = process.argv[2];
if (!base) {
  console.error("usage: node docs_page.mjs BASE_URL");
  process.exit(2);
}

const browser = await launchChromium();
const failures = [];
try {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));

  const response = await page.goto(new URL("/docs", base).href, { waitUntil: "networkidle" });
  if (response.status() !== 200) failures.push(`/docs answered ${response.status()}`);
  const csp = response.headers()["content-security-policy"] || "";
  if (!csp.includes("default-src 'none'") || csp.includes("unsafe-inline") || csp.includes("unsafe-eval"))
    failures.push(`the CSP is not strict: ${csp}`);

  const login = page.locator("section#login");
  await login.waitFor({ state: "visible", timeout: 10000 });
  const heading = (await login.locator("h3").innerText()).replace(/\s+/g, " ");
  if (!heading.includes("POST") || !heading.includes("/api/v1/auth/login"))
    failures.push(`the login operation reads "${heading}"`);
  if ((await login.locator("code", { hasText: "password" }).count()) === 0)
    failures.push("the login operation does not list its request fields");
  if ((await page.locator("nav a[href='#login']").count()) !== 1) failures.push("the sidebar has no link to the login operation");

  const operations = await page.locator("section.op").count();
  const expected = Number(process.env.EXPECTED_OPERATIONS || 0);
  if (expected && operations !== expected) failures.push(`${operations} operations shown, the document has ${expected}`);

  // The filter narrows the page to matching operations.
  await page.fill("#filter", "refresh");
  const visible = await page.locator("section.op:visible").count();
  if (visible < 1 || visible >= operations) failures.push(`filtering for "refresh" left ${visible} of ${operations} operations`);

  failures.push(...problems);
  console.log(`${operations} operations rendered; ${problems.length} console problems`);
} catch (error) {
  failures.push(String(error && error.stack ? error.stack : error));
} finally {
  await browser.close();
}
for (const f of failures) console.error("FAIL: " + f);
process.exit(failures.length === 0 ? 0 : 1);

// Debian's Chromium as the tests drive it, and what its pages say on the console.
import { chromium } from "playwright-core";

// As root in a container, without the machine's sandbox; no background traffic to Google.
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
}

// Collects into `problems` the console errors of `page`. A status a test provoked (an unregistered
// redirect URI, an application's missing favicon) is logged as "Failed to load resource"; anything
// else is a problem of the pages.
export function watchConsole(page, problems) {
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
  });
}

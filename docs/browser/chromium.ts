/**
 * Debian's Chromium driven by playwright-core, the way that works on this project's
 * machines (DESIGN §8): the system binary (never `npx playwright install`), a fresh profile
 * and XDG_CONFIG_HOME in a temp folder, and the flags that keep it from phoning home.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { BrowserContext } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: install Debian's (apt-get install -y chromium), or set CHROMIUM_PATH`);
  }
  const home = mkdtempSync(join(tmpdir(), "gradschool-docs-chromium-"));
  const context = await chromium.launchPersistentContext(join(home, "profile"), {
    executablePath: chromiumPath,
    headless: true,
    args: flags,
    env: { ...process.env, XDG_CONFIG_HOME: join(home, "config"), XDG_CACHE_HOME: join(home, "cache") },
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

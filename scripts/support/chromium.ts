import { spawnSync } from "node:child_process";
import fs from "node:fs";

const CJK_FONT_DIR = "/usr/share/fonts/opentype/noto";

/**
 * Debian's Chromium (plus CJK fonts, so ja/zh-CN screenshots show text, not boxes) for browser
 * tests, installed on first use: the machines reach Debian's packages but no browser downloads.
 */
export function ensureChromium(): string {
  const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p): p is string => Boolean(p && fs.existsSync(p)));
  const missing = [
    ...(chromium ? [] : ["chromium"]),
    ...(fs.existsSync(CJK_FONT_DIR) ? [] : ["fonts-noto-cjk"]),
  ];
  if (missing.length === 0) return chromium!;
  console.log(`Installing Debian packages for browser tests: ${missing.join(" ")}`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...sudo, ...args] as [string, ...string[]];
    const result = spawnSync(cmd, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed (exit ${result.status})`);
  };
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...missing]);
  return chromium ?? "/usr/bin/chromium";
}

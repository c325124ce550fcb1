import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

// Where the merchant put the app's blocks in the theme editor, as a config file:
// sandbox/storefront/placements.json (or startSandbox({ storefront: { placements } }) in tests).
//   blocks: app blocks added to a template's app section, in order. block "*" = every app block
//           of the extension whose enabled_on/disabled_on allows the template.
//   embeds: app embeds switched on in Theme settings > App embeds (off after install, as on Shopify).

const settingsSchema = z.record(z.string(), z.unknown());

export const placementsSchema = z.object({
  description: z.string().optional(),
  blocks: z.array(z.object({
    extension: z.string().default("*"),
    block: z.string(),
    templates: z.array(z.enum(["index", "product", "collection", "cart", "search"])).min(1),
    settings: settingsSchema.default({}),
    id: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
  })).default([]),
  embeds: z.array(z.object({
    extension: z.string().default("*"),
    block: z.string(),
    settings: settingsSchema.default({}),
    id: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
  })).default([]),
});

export type Placements = z.infer<typeof placementsSchema>;
export type PlacementsInput = z.input<typeof placementsSchema>;

export const DEFAULT_PLACEMENTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "placements.json");

export function readPlacements(input: PlacementsInput | string = DEFAULT_PLACEMENTS_FILE): Placements {
  if (typeof input !== "string") return placementsSchema.parse(input);
  if (!existsSync(input)) return placementsSchema.parse({});
  const parsed = placementsSchema.safeParse(JSON.parse(readFileSync(input, "utf8")));
  if (!parsed.success) throw new Error(`${input}: ${parsed.error.message}`);
  return parsed.data;
}

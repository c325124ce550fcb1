// Server-only surface: every locale's messages live here and never reach the client bundle.
export { polarisTranslations, translationBundle } from "./translations.server";

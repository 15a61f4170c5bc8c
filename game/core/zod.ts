/**
 * The zod the game core builds its schemas with (`import * as z from "./zod"`): zod/mini, the
 * same zod 4 engine with functional checks, so a browser bundle carries only the checks it uses
 * (the full `zod` attaches every method to every schema and ships whole, ~40 KB gzip). Full-zod
 * and zod/mini schemas compose on the server. The scenario editor, the replay viewer and the
 * kiosk parse scenarios with it in the browser; the play page loads none of it.
 *
 * zod/mini has no default messages; English, the messages the full zod gives, is registered here.
 * In the browser zod runs without compiled parsers: its probe for whether `new Function` works
 * counts as a violation of the site's Content-Security-Policy, which allows no eval
 * (server/security/headers.ts). The server keeps zod's compiled parsers.
 */
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());
if (typeof window !== "undefined") config({ jitless: true });

export * from "zod/mini";

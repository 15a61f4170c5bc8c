/**
 * zod as the game's code imports it. In the browser zod runs without compiled parsers: its probe
 * for whether `new Function` works counts as a violation of the site's Content-Security-Policy,
 * which allows no eval (server/security/headers.ts). The server keeps zod's compiled parsers.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };

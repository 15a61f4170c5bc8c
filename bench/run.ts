/**
 * `npm run bench`: every benchmark, printed as a report. Needs the production build (made if
 * missing) and Debian's Chromium. `npm run bench -- game` runs one part.
 */
import { ensureBuild } from "../server/build";
import { benchApi } from "./api";
import { benchBoards } from "./boards";
import { benchFinish } from "./finish";
import { benchGame } from "./game";
import { benchPages } from "./pages";
import { benchReplay } from "./replay";

const parts: Record<string, () => Promise<string[]>> = { api: benchApi, game: benchGame, boards: benchBoards, finish: benchFinish, replay: benchReplay, pages: benchPages };
const wanted = process.argv.slice(2).filter((a) => a in parts);

ensureBuild(process.cwd());
for (const name of wanted.length ? wanted : Object.keys(parts)) {
  console.log(`\n== bench:${name}`);
  for (const line of await parts[name]!()) console.log(line);
}

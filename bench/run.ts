/**
 * `npm run bench`: every benchmark, printed as a report. Needs the production build (made if
 * missing) and Debian's Chromium. `npm run bench -- game` runs one part.
 */
import { ensureBuild } from "../server/build";
import { benchBoards } from "./boards";
import { benchFinish } from "./finish";
import { benchGame } from "./game";
import { benchReplay } from "./replay";

const parts: Record<string, () => Promise<string[]>> = { game: benchGame, boards: benchBoards, finish: benchFinish, replay: benchReplay };
const wanted = process.argv.slice(2).filter((a) => a in parts);

ensureBuild(process.cwd());
for (const name of wanted.length ? wanted : Object.keys(parts)) {
  console.log(`\n== bench:${name}`);
  for (const line of await parts[name]!()) console.log(line);
}

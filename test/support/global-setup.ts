import { ensureBuild } from "../../server/build";

/** One production build for every test that starts the real server. */
export default function setup() {
  ensureBuild(process.cwd(), (m) => console.log(`[global-setup] ${m}`));
}

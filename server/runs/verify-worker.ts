/** A worker thread of the verification pool (verify-pool.ts): verifies one run per call. */
import { verifyRun, type VerifyInput } from "./verify";

export default function verifyInWorker(input: VerifyInput) {
  return verifyRun(input);
}

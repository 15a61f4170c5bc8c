/** Staff leave kiosk mode with the kiosk's PIN: a wrong PIN is refused (the route limits the tries). */
import { Forbidden } from "../errors";
import { pinMatches } from "./secrets";

export function checkStaffPin(kiosk: { pinHash: string }, pin: string): void {
  if (!pinMatches(pin, kiosk.pinHash)) throw new Forbidden("wrong_pin", "That PIN is not this kiosk's.");
}

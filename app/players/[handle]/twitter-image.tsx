/** The Twitter card image of a profile: the handle and the personal bests (server/players/share-image.tsx). */
import { shareImage } from "@/server/players/share-image";

export const alt = "A Flickboard player's personal bests";
export const size = { width: 1200, height: 600 };
export const contentType = "image/png";

export default function Image({ params }: { params: Promise<{ handle: string }> }) {
  return shareImage(params, size);
}

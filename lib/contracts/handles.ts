/**
 * Generated handles nobody may choose (server/players/handles.ts refuses them): a guest's
 * ("guest-7k3m9x") and a deleted account's placeholder. A module of its own, with no imports, so a
 * page that only shows handles (the boards) does not load the API schemas.
 */
export const GUEST_PREFIX = "guest-";
export const DELETED_PREFIX = "deleted-";

/** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i): generated handles and share codes. */
export const UNAMBIGUOUS_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

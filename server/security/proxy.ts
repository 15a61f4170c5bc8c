/**
 * Who is really calling, behind reverse proxies. `X-Forwarded-For` is a list each proxy appends its
 * peer's address to, so only its right-hand end is trustworthy: the client address is the right-most
 * address that is not one of our own proxies. Anything further left was written by the client.
 *
 * TRUST_PROXY says which proxies are ours: "false" (none: the socket's address is the client), a hop
 * count ("1": one proxy in front, e.g. a load balancer), or a comma-separated list of proxy addresses
 * and CIDR ranges ("10.0.0.0/8,192.168.1.7"). The same rule decides whether a forwarded
 * `X-Forwarded-Proto: https` is believed.
 */
import net from "node:net";

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: net.BlockList; text: string };

export class TrustProxyError extends Error {}

/** Parses TRUST_PROXY; throws a TrustProxyError saying what is wrong. */
export function parseTrustProxy(value: string | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (text === "" || text === "false" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
  if (text === "true") throw new TrustProxyError('"true" is ambiguous: give the number of proxies in front (e.g. 1) or their addresses');
  const list = new net.BlockList();
  for (const part of text.split(",").map((p) => p.trim())) {
    const [address, bits, extra] = part.split("/");
    const family = net.isIP(address ?? "");
    if (!family || extra !== undefined) throw new TrustProxyError(`"${part}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) {
      list.addAddress(address!, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new TrustProxyError(`"${part}" has a bad prefix length`);
    list.addSubnet(address!, prefix, type);
  }
  return { kind: "list", list, text };
}

function isTrusted(proxies: TrustedProxies, address: string): boolean {
  if (proxies.kind !== "list") return false;
  const family = net.isIP(address);
  return family !== 0 && proxies.list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Strips the brackets and zone of "[::1]" forms and the "::ffff:" prefix of IPv4-mapped addresses. */
export function normalizeAddress(address: string): string {
  const bare = address.trim().replace(/^\[(.*)\](:\d+)?$/, "$1");
  return bare.startsWith("::ffff:") && net.isIPv4(bare.slice(7)) ? bare.slice(7) : bare;
}

export interface Connection {
  /** The client's address, as best our trusted proxies can tell. */
  ip: string;
  /** Whether the client reached us over HTTPS (ourselves, or a trusted proxy saying so). */
  https: boolean;
}

/**
 * The client's address and scheme from the socket's peer and the forwarding headers.
 * `forwardedFor` and `forwardedProto` are the raw header values (possibly repeated, comma-joined).
 */
export function resolveConnection(
  proxies: TrustedProxies,
  peer: { address: string; encrypted: boolean },
  forwardedFor: string | undefined,
  forwardedProto: string | undefined,
): Connection {
  const chain = [...(forwardedFor ?? "").split(","), peer.address].map(normalizeAddress).filter((a) => a !== "");
  let client = chain.length - 1; // the peer itself
  if (proxies.kind === "hops") client = Math.max(0, chain.length - 1 - proxies.hops);
  if (proxies.kind === "list") while (client > 0 && isTrusted(proxies, chain[client]!)) client--;
  // The peer is a proxy of ours only if we stepped past it.
  const peerTrusted = client < chain.length - 1;
  const proto = forwardedProto?.split(",").pop()?.trim().toLowerCase();
  return { ip: chain[client] ?? "unknown", https: peer.encrypted || (peerTrusted && proto === "https") };
}

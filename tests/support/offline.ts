/**
 * Tests never reach the network: a request from the test process to any host
 * but this machine fails loudly instead of depending on what is out there.
 */
const realFetch = globalThis.fetch;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!LOOPBACK.has(url.hostname)) return Promise.reject(new Error(`Blocked outbound request in tests: ${url.href}`));
  return realFetch(input, init);
};

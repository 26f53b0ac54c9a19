/** A site as the user types it ("https://www.hani.co.kr/arti", "HANI.co.kr") → the hostname key settings use. */
export function siteKey(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    return /^[a-z0-9.-]+\.[a-z0-9-]{2,}$/i.test(host) || /^xn--/.test(host) ? host : null;
  } catch {
    return null;
  }
}

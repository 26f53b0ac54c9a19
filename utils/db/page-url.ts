/**
 * Page URL normalisation: one page, one key, whatever tracking parameters or
 * fragments a link carried. The canonical link wins when it is same-site.
 */

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', 'ref_src', 'ref_url', 'cmpid', 'ocid', 'spm', 'ncid', 'sr_share', 'vero_id', 'mkt_tok',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

export function normalizePageUrl(rawUrl: string, canonicalHref?: string | null): string {
  let url = new URL(rawUrl);
  if (canonicalHref) {
    try {
      const canonical = new URL(canonicalHref, url);
      // A canonical on another registrable site is ignored: pages cannot claim each other's notes.
      if ((canonical.protocol === 'https:' || canonical.protocol === 'http:') && sameSite(canonical.hostname, url.hostname)) {
        url = canonical;
      }
    } catch {
      /* a malformed canonical link is ignored */
    }
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  url.hostname = url.hostname.toLowerCase();
  return url.toString();
}

function sameSite(a: string, b: string): boolean {
  const x = siteOfHost(a.toLowerCase());
  const y = siteOfHost(b.toLowerCase());
  return isOnSite(x, y) || isOnSite(y, x);
}

export function siteOf(url: string): string {
  return siteOfHost(new URL(url).hostname);
}

/** A hostname as a site key: without its leading "www.". */
export function siteOfHost(hostname: string): string {
  return hostname.replace(/^www\./, '');
}

/** True when `host` is `site` itself or one of its subdomains (both as site keys). */
export function isOnSite(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/** A cookie as a browser keeps it: per host and path (a browser shares cookies across ports). */
interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
}

export interface Visit {
  /** Every address the browser went through, the last one where it stopped. */
  trail: string[];
  status: number;
  body: string;
}

/**
 * What a browser does with redirects and cookies, over real HTTP: follows every Location (relative
 * ones too), keeps the cookies each answer sets (and drops those it expires) and sends them back to
 * the host and path they belong to. No script, no SameSite: enough for a sign-in's redirects.
 */
export class RedirectFollowingBrowser {
  private readonly cookies: StoredCookie[] = [];

  /** Goes to `address` and on through its redirects; `stopBefore` an address: it ends the trail unvisited (status 0). */
  async visit(address: string, stopBefore?: (url: URL) => boolean, limit = 20): Promise<Visit> {
    const trail: string[] = [];
    let url = new URL(address);
    for (let hop = 0; hop < limit; hop++) {
      trail.push(url.href);
      if (hop > 0 && stopBefore?.(url)) return { trail, status: 0, body: '' };
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: this.cookieHeaderFor(url) } });
      this.keep(url, res.headers.getSetCookie());
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location)
        return { trail, status: res.status, body: await res.text() };
      await res.body?.cancel();
      url = new URL(location, url);
    }
    throw new Error(`more than ${limit} redirects: ${trail.join(' → ')}`);
  }

  /** The value of a cookie kept for the host, if any. */
  cookie(host: string, name: string): string | undefined {
    return this.cookies.find((c) => c.host === host && c.name === name)?.value;
  }

  cookieHeaderFor(url: URL): string {
    return this.cookies
      .filter((c) => c.host === url.hostname && url.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private keep(url: URL, lines: string[]): void {
    for (const line of lines) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const attribute = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? '/';
      const expires = attribute('expires');
      const gone =
        value === '' || attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) < Date.now());
      const at = this.cookies.findIndex((c) => c.host === url.hostname && c.name === name && c.path === path);
      if (at >= 0) this.cookies.splice(at, 1);
      if (!gone) this.cookies.push({ name, value, host: url.hostname, path });
    }
  }
}

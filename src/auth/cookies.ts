import type { Request } from 'express';

/** The value of the named cookie the request carries, if any. */
export function cookieOf(request: Request, name: string): string | undefined {
  return (request.headers.cookie ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

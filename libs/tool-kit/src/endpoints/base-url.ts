import { usageError } from '../tool-error';

/** A service's base URL as given by `from` (an option, a variable, a file): http or https, no trailing slash. */
export function serviceBaseUrl(text: string, from: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`${from}: ${JSON.stringify(text)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`${from}: expected an http or https URL, got ${url.protocol}`);
  }
  return url.href.replace(/\/+$/, '');
}

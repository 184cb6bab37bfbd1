/** An API path of libs/contracts (e.g. `/meters/:meterId`) under `baseUrl`, its `:params` filled in, URL-encoded. */
export function apiUrl(
  baseUrl: string,
  template: string,
  params: Readonly<Record<string, string>> = {},
): string {
  const path = template.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return `${baseUrl}${path}`;
}

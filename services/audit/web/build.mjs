// Bundles the dashboard, login and receipt pages with esbuild (everything bundled, nothing from a CDN) into
// services/audit/web/dist: content-hashed .js/.css and the HTML pages naming them. Run by `npm run build`.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.dirname(new URL(import.meta.url).pathname);
const out = path.join(root, 'dist');
const pages = ['dashboard', 'login', 'receipt'];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: Object.fromEntries(pages.map((page) => [page, path.join(root, 'src', 'pages', `${page}.ts`)])),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  entryNames: '[name]-[hash]',
  outdir: out,
  metafile: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
const outputs = Object.entries(result.metafile.outputs);
for (const page of pages) {
  let html = readFileSync(path.join(root, 'html', `${page}.html`), 'utf8');
  for (const ext of ['js', 'css']) {
    const file =
      outputs.find(
        ([name, meta]) => meta.entryPoint?.endsWith(`pages/${page}.ts`) && name.endsWith(`.${ext}`),
      ) ??
      outputs.find(
        ([name, meta]) =>
          name.endsWith(`.${ext}`) &&
          meta.cssBundle === undefined &&
          path.basename(name).startsWith(`${page}-`),
      );
    if (file === undefined) {
      throw new Error(`no ${ext} output for ${page}`);
    }
    html = html.replace(`%${page}.${ext}%`, path.basename(file[0]));
  }
  writeFileSync(path.join(out, `${page}.html`), html);
}
const size = readdirSync(out).reduce((sum, name) => sum + readFileSync(path.join(out, name)).length, 0);
console.log(
  `web bundle: ${readdirSync(out).length} files, ${Math.round(size / 1024)} KiB in ${path.relative(process.cwd(), out)}`,
);

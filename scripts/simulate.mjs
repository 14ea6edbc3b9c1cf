/**
 * `npm run simulate`: runs the command line from a bundle built once (dist-cli/simulate.mjs), so it starts
 * computing in a fraction of a second instead of compiling TypeScript on every run. The bundle is built on the
 * first run, and again whenever a file under src/ or data/ is newer than it (or by `npm run build:cli`); a
 * fresh clone needs no build step. Plain JavaScript, so Node runs it without a compiler.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'dist-cli');
const BUNDLE = join(OUT_DIR, 'simulate.mjs');
const SOURCES = ['src', 'data'].map((folder) => join(ROOT, folder));

/** The newest modification time (ms) of any file under `folder`. */
function newestIn(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(BUNDLE)) return true;
  const built = statSync(BUNDLE).mtimeMs;
  return SOURCES.some((folder) => existsSync(folder) && newestIn(folder) > built);
}

/** Builds the bundle into a folder of its own, then moves it in place, so runs at the same time never see half. */
async function build() {
  const { build: viteBuild } = await import('vite');
  const staging = join(OUT_DIR, `.build-${process.pid}`);
  await viteBuild({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: join(ROOT, 'src/cli/main.ts'),
      outDir: staging,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'simulate.mjs' } },
    },
  });
  mkdirSync(OUT_DIR, { recursive: true });
  renameSync(join(staging, 'simulate.mjs'), BUNDLE);
  rmSync(staging, { recursive: true, force: true });
}

const onlyBuild = process.argv[2] === '--build';
if (onlyBuild || isStale()) await build();
if (!onlyBuild) await import(pathToFileURL(BUNDLE).href);

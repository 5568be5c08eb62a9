/**
 * The built package, for tests that run what users install: `dist/cli.js` (the bin) and
 * the `dist/` entries. Builds once with tsup when `dist/` is missing or older than the
 * sources, under a lock so that test files running in parallel do not build at once.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

const OUTPUTS = [
  CLI,
  join(ROOT, 'dist', 'index.js'),
  join(ROOT, 'dist', 'wire', 'index.js'),
  join(ROOT, 'dist', 'locales', 'index.js'),
  join(ROOT, 'dist', 'testing', 'index.js'),
];
const LOCK = join(ROOT, 'node_modules', '.cache', 'cocreation-tsup.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function isFresh(): boolean {
  if (!OUTPUTS.every((file) => existsSync(file))) return false;
  const built = Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs));
  const sources = Math.max(
    newestSource(join(ROOT, 'src')),
    statSync(join(ROOT, 'package.json')).mtimeMs,
    statSync(join(ROOT, 'tsup.config.ts')).mtimeMs,
  );
  return built >= sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds the package unless `dist/` is up to date. */
export function ensureBuilt(): void {
  if (isFresh()) return;
  mkdirSync(join(LOCK, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a crashed run is older than any build takes.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000) {
        rmSync(LOCK, { recursive: true, force: true });
      }
      sleep(250);
    }
  }
  try {
    if (!isFresh()) execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** What a run of the CLI printed, and how it exited. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI with `args`, writing `input` (text as UTF-8, or raw bytes) to its stdin. */
export function runCli(
  args: ReadonlyArray<string>,
  input: string | Uint8Array = '',
  cwd = ROOT,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    const out: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(errors).toString('utf8'),
      }),
    );
    // A CLI that exits before reading all its input closes the pipe: not our failure to report.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

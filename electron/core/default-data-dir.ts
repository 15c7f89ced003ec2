import { cpSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The data folder both modes use by default (the desktop app and browser mode share it).
 * On Windows it is in %LOCALAPPDATA%, never roaming %APPDATA%: domain PCs redirect the roaming
 * folder to a network share, where SQLite's WAL (shared memory) is not supported.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(localAppData(env), 'Pingyi', 'data');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Pingyi', 'data');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Pingyi', 'data');
}

function localAppData(env: NodeJS.ProcessEnv): string {
  return env['LOCALAPPDATA'] ?? join(env['USERPROFILE'] ?? homedir(), 'AppData', 'Local');
}

/** Where versions before 0.2 kept the data on Windows (Electron's roaming userData). */
export function roamingDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['APPDATA'] ?? join(env['USERPROFILE'] ?? homedir(), 'AppData', 'Roaming'), 'Pingyi', 'data');
}

/** The note left in the old folder's place, so nobody wonders where the meetings went. */
export const MOVED_NOTE = 'MOVED-TO-LOCALAPPDATA.txt';

/**
 * Moves an existing roaming data folder to %LOCALAPPDATA% once (Windows only; both modes call it
 * before opening the database). Only when the new folder does not exist yet, so it never merges
 * or overwrites; a move across volumes (a redirected share) is a copy, after which the old folder
 * is renamed aside, not deleted. Returns what it did, for the start-up log.
 */
export function moveRoamingDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { moved: false } | { moved: true; from: string; to: string } {
  if (platform !== 'win32') return { moved: false };
  const from = roamingDataDir(env);
  const to = defaultDataDir(env, platform);
  if (from === to || existsSync(to) || !existsSync(join(from, 'pingyi.sqlite'))) return { moved: false };
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch {
    // EXDEV (another volume) or a share: copy, then keep the old folder aside.
    cpSync(from, to, { recursive: true, errorOnExist: true });
    renameSync(from, `${from}.moved`);
  }
  mkdirSync(from, { recursive: true });
  writeFileSync(join(from, MOVED_NOTE), `Pingyi keeps its data in ${to} now (a roaming folder may be on a network share, where SQLite's WAL does not work).\r\n`);
  return { moved: true, from, to };
}

/**
 * The default data folder: %LOCALAPPDATA%\Pingyi\data on Windows in both modes (a roaming folder
 * may be redirected to a share, where WAL does not work), and an older roaming folder moved there
 * once. Windows paths are simulated with folders in a temporary directory.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDataDir, MOVED_NOTE, moveRoamingDataDir } from '../../../electron/core/default-data-dir';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function windowsProfile() {
  const home = mkdtempSync(join(tmpdir(), 'pingyi-profile-'));
  dirs.push(home);
  return { APPDATA: join(home, 'Roaming'), LOCALAPPDATA: join(home, 'Local') };
}

describe('default data folder', () => {
  it('is under LOCALAPPDATA on Windows, never the roaming APPDATA', () => {
    const env = { APPDATA: 'C:/Users/u/AppData/Roaming', LOCALAPPDATA: 'C:/Users/u/AppData/Local' };
    expect(defaultDataDir(env, 'win32')).toBe(join('C:/Users/u/AppData/Local', 'Pingyi', 'data'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', 'Pingyi', 'data'));
  });

  it('moves an existing roaming folder once, leaves a note in its place, and never overwrites', () => {
    const env = windowsProfile();
    const roaming = join(env.APPDATA, 'Pingyi', 'data');
    mkdirSync(roaming, { recursive: true });
    writeFileSync(join(roaming, 'pingyi.sqlite'), 'db');
    writeFileSync(join(roaming, 'pingyi.sqlite-wal'), 'wal');
    const moved = moveRoamingDataDir(env, 'win32');
    expect(moved).toEqual({ moved: true, from: roaming, to: join(env.LOCALAPPDATA, 'Pingyi', 'data') });
    expect(readFileSync(join(env.LOCALAPPDATA, 'Pingyi', 'data', 'pingyi.sqlite'), 'utf8')).toBe('db');
    expect(readFileSync(join(env.LOCALAPPDATA, 'Pingyi', 'data', 'pingyi.sqlite-wal'), 'utf8')).toBe('wal');
    expect(readFileSync(join(roaming, MOVED_NOTE), 'utf8')).toContain('Local');
    // A later roaming database (an old version started again) is not merged over the local one.
    writeFileSync(join(roaming, 'pingyi.sqlite'), 'newer roaming');
    expect(moveRoamingDataDir(env, 'win32')).toEqual({ moved: false });
    expect(readFileSync(join(env.LOCALAPPDATA, 'Pingyi', 'data', 'pingyi.sqlite'), 'utf8')).toBe('db');
  });

  it('does nothing elsewhere or without a roaming database', () => {
    const env = windowsProfile();
    expect(moveRoamingDataDir(env, 'win32')).toEqual({ moved: false });
    expect(existsSync(join(env.LOCALAPPDATA, 'Pingyi'))).toBe(false);
    expect(moveRoamingDataDir(env, 'linux')).toEqual({ moved: false });
  });
});

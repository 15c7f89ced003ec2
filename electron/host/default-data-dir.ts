import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data folder browser mode uses by default: the same place the Electron shell keeps its
 * data (Electron's userData for the app name "Pingyi", plus /data), so both modes share it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Pingyi', 'data');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Pingyi', 'data');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Pingyi', 'data');
}

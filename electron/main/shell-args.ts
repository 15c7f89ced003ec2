/**
 * The desktop app's own command-line options: `--data DIR` and `--port N`, as start-failure's
 * advice and browser mode name them. Lenient on purpose: Electron and Chromium put their own
 * switches (--no-sandbox, --enable-logging, a `.` app path in development) on the same line,
 * and those must not stop the app.
 */
export interface ShellArgs {
  dataDir: string | undefined;
  /** The tablet port asked for; absent = 8787, moving to the next free port when taken. */
  port: number | undefined;
  errors: string[];
}

export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const args: ShellArgs = { dataDir: undefined, port: undefined, errors: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--data' && flag !== '--port') continue;
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (flag === '--data') {
      if (value) args.dataDir = value;
      else args.errors.push('--data needs a folder');
    } else {
      const port = Number(value);
      if (value !== undefined && Number.isInteger(port) && port >= 0 && port <= 65535) args.port = port;
      else args.errors.push('--port needs a port number 0–65535');
    }
  }
  return args;
}

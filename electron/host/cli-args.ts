/** Command-line options of browser mode: `--data DIR [--port N] [--chair-port N] [--lan-host ADDR] [--no-demo]`. */
export interface HostArgs {
  dataDir: string;
  port: number;
  /** --port was given: then a taken port is an error, not a reason to move to the next free one. */
  portExplicit: boolean;
  chairPort: number;
  lanHost: string | undefined;
  demo: boolean;
  /** Open the chair console in the default browser (npm start does). */
  open: boolean;
}

/** Parses argv (without node and script); throws an Error with a usage line on bad input. */
export function parseHostArgs(argv: readonly string[], defaults: { dataDir: string }): HostArgs {
  const args: HostArgs = { dataDir: defaults.dataDir, port: 8787, portExplicit: false, chairPort: 0, lanHost: undefined, demo: true, open: false };
  const usage = 'usage: npm run host -- --data DIR [--port N] [--chair-port N] [--lan-host ADDR] [--no-demo] [--open]';
  const port = (value: string | undefined, name: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} needs a port number 0–65535\n${usage}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--data':
        if (!value) throw new Error(`--data needs a folder\n${usage}`);
        args.dataDir = value;
        i += 1;
        break;
      case '--port':
        args.port = port(value, '--port');
        args.portExplicit = true;
        i += 1;
        break;
      case '--chair-port':
        args.chairPort = port(value, '--chair-port');
        i += 1;
        break;
      case '--lan-host':
        if (!value) throw new Error(`--lan-host needs an address\n${usage}`);
        args.lanHost = value;
        i += 1;
        break;
      case '--no-demo':
        args.demo = false;
        break;
      case '--open':
        args.open = true;
        break;
      default:
        throw new Error(`unknown option ${flag}\n${usage}`);
    }
  }
  return args;
}

/**
 * The options the host's small tools share (retally, verify-audit):
 * `--data DIR`, `--expect VALUE`, `--json`, and plain arguments (files) where the tool takes them.
 * Answers the options, or a message (with the tool's usage line) to print before exiting 2.
 */
export interface CliArgs {
  readonly positional: readonly string[];
  readonly dataDir: string | undefined;
  readonly expect: string | undefined;
  readonly json: boolean;
}

export function parseCliArgs(argv: readonly string[], usage: string, options: { readonly positional: boolean }): CliArgs | string {
  const positional: string[] = [];
  let dataDir: string | undefined;
  let expect: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data' || arg === '--expect') {
      const value = argv[i + 1];
      i += 1;
      if (value === undefined) return `${arg} needs a value\n${usage}`;
      if (arg === '--data') dataDir = value;
      else expect = value;
    } else if (arg === '--json') json = true;
    else if (options.positional && arg !== undefined && !arg.startsWith('--')) positional.push(arg);
    else return `unknown option ${arg ?? ''}\n${usage}`;
  }
  return { positional, dataDir, expect, json };
}

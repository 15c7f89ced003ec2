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

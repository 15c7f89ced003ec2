/**
 * One process of the 20,000-socket flood (slow-sockets.test.ts): opens `count` slowloris
 * sockets against the tablet port (half a request line, then nothing) from loopback source
 * addresses, at most `wave` connecting at a time, and keeps them. Several processes share the
 * flood so that none needs more file descriptors than a default limit gives (Node raises the
 * soft limit to the hard one, 4,096 or more on common systems). Bounded: `count` sockets, no
 * retries, loopback only.
 *
 * argv: port count firstIndex perAddress wave
 * stdout: one JSON line once every socket has connected or been refused; then one JSON line
 * for each line read on stdin, with how many have been closed by then and how many this
 * process could not open itself (a descriptor limit, no free port: then the flood is not real).
 */
import net from 'node:net';

const [port, count, firstIndex, perAddress, wave] = process.argv.slice(2).map(Number);
const sockets = [];
let closed = 0;
/** Sockets this process itself could not open (no descriptor, no port): the test must not count them as the server's doing. */
let failedHere = 0;
const LOCAL_FAILURES = new Set(['EMFILE', 'ENFILE', 'EADDRNOTAVAIL', 'EADDRINUSE', 'ENOBUFS']);

/** 127.20.x.y for the flood's n-th address (1,250 addresses for 20,000 sockets of 16). */
function sourceAddress(index) {
  const n = Math.floor(index / perAddress);
  return `127.20.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

function open(index) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress: sourceAddress(index) });
    let done = false;
    const settle = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    socket.on('error', (error) => {
      if (LOCAL_FAILURES.has(error.code)) failedHere += 1;
    });
    socket.on('close', () => {
      closed += 1;
      settle();
    });
    socket.on('connect', () => {
      socket.write('POST /api/tablet/session HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      settle();
    });
    sockets.push(socket);
  });
}

async function main() {
  for (let start = 0; start < count; start += wave) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + wave); i += 1) batch.push(open(firstIndex + i));
    await Promise.all(batch);
  }
  process.stdout.write(`${JSON.stringify({ settled: count, closed, failedHere })}\n`);
  let buffered = '';
  process.stdin.on('data', (chunk) => {
    buffered += chunk;
    while (buffered.includes('\n')) {
      buffered = buffered.slice(buffered.indexOf('\n') + 1);
      process.stdout.write(`${JSON.stringify({ settled: count, closed, failedHere })}\n`);
    }
  });
  process.stdin.on('end', () => {
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  });
}

await main();

// A raw SMTP server on 127.0.0.1 that follows a script, for what smtp-server will not do:
// drip a reply one byte at a time, greet with 421, send a 10 MB line, answer STARTTLS and
// then fail the handshake, put terminal escapes in its replies.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

/** What the server does in answer to a command (or on connect, for the greeting). */
export type Answer =
  | string // a complete reply, CRLF added per line
  | { drip: string; everyMs: number } // the reply one byte at a time
  | { after: number; then: Answer } // a slow server: the answer after this many ms
  | { raw: string | Buffer } // bytes exactly as given
  | 'close' // hang up
  | 'silence' // say nothing
  | { startTls: { key: string; cert: string } } // 220, then a real TLS handshake
  | { startTlsThen: 'garbage' | 'close' | 'silence' }; // 220, then something that is not TLS, or nothing

export interface Script {
  greeting: Answer;
  /** the answer to one command line (upper-cased verb available as `verb`) */
  reply(line: string, verb: string): Answer;
}

export interface ScriptedServer {
  port: number;
  close(): Promise<void>;
}

/** The usual answers of a mail server that accepts everything; override what a test needs. */
export function politeReply(line: string, verb: string, ehloLines = ['250-scripted.test', '250 AUTH LOGIN PLAIN']): Answer {
  switch (verb) {
    case 'EHLO':
      return ehloLines.join('\r\n');
    case 'AUTH':
      return '235 2.7.0 Authentication successful';
    case 'MAIL':
    case 'RCPT':
    case 'RSET':
      return '250 2.1.0 OK';
    case 'DATA':
      return '354 go ahead';
    case '.':
      return '250 2.0.0 queued';
    case 'QUIT':
      return '221 bye';
    default:
      return /^[A-Za-z0-9+/=]*$/.test(line) ? '235 2.7.0 Authentication successful' : '500 unknown command';
  }
}

export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const serve = (socket: Socket, greet: boolean): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = '';
    let inData = false;
    let upgraded = false;

    const answer = (a: Answer): void => {
      if (a === 'silence') return;
      if (a === 'close') return void socket.destroy();
      if (typeof a === 'string') return void socket.write(`${a.replace(/\r?\n/g, '\r\n')}\r\n`);
      if ('raw' in a) return void socket.write(a.raw);
      if ('after' in a) {
        const timer = setTimeout(() => (timers.delete(timer), socket.destroyed || answer(a.then)), a.after);
        timers.add(timer);
        return;
      }
      if ('drip' in a) {
        const bytes = Buffer.from(`${a.drip.replace(/\r?\n/g, '\r\n')}\r\n`);
        let i = 0;
        const timer = setInterval(() => {
          if (socket.destroyed || i >= bytes.length) return void (clearInterval(timer), timers.delete(timer));
          socket.write(bytes.subarray(i, ++i));
        }, a.everyMs);
        timers.add(timer);
        return;
      }
      socket.write('220 2.0.0 Ready to start TLS\r\n');
      upgraded = true;
      socket.off('data', onData);
      if ('startTlsThen' in a) {
        if (a.startTlsThen === 'close') socket.once('data', () => socket.destroy());
        else if (a.startTlsThen === 'silence') socket.resume();
        else socket.once('data', () => socket.write('this is not a TLS record\r\n'.repeat(4)));
        return;
      }
      const tls = new TLSSocket(socket, { isServer: true, key: a.startTls.key, cert: a.startTls.cert });
      serve(tls, false);
    };

    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let at: number;
      while (!upgraded && (at = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, at).replace(/\r$/, '');
        buffered = buffered.slice(at + 1);
        if (inData) {
          if (line === '.') {
            inData = false;
            answer(script.reply('.', '.'));
          }
          continue;
        }
        const verb = line.split(/[ :]/)[0].toUpperCase();
        const a = script.reply(line, verb);
        if (verb === 'DATA' && typeof a === 'string' && a.startsWith('354')) inData = true;
        answer(a);
      }
    };
    socket.on('data', onData);
    if (greet) answer(script.greeting);
  };

  const server: Server = createServer((socket) => serve(socket, true));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearInterval(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

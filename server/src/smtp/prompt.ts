// Asks for a password on a terminal without echoing it (for `mendix-email send-test` and
// `verify`). The terminal is put in raw mode BEFORE the question is shown: a user who types
// (or pastes) as soon as the question appears must not see the password echoed by a terminal
// still in cooked mode, and a Ctrl-C must reach us as a key, not kill the process mid-way.

export type PromptAnswer =
  | { kind: 'answered'; value: string }
  /** Ctrl-C, Ctrl-D on an empty line, or the terminal went away (end of input, read error) */
  | { kind: 'cancelled'; how: 'Ctrl-C' | 'Ctrl-D' | 'end of input' }
  /** standard input is not a terminal: there is nobody to ask */
  | { kind: 'no-terminal' };

/** What the prompt needs of standard input: process.stdin, or a stand-in in tests. */
export interface PromptInput {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(raw: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
}

export interface PromptOutput {
  write(text: string): unknown;
}

type Key = { kind: 'char'; ch: string } | { kind: 'enter' | 'erase' | 'erase-all' | 'ctrl-c' | 'ctrl-d' };

/**
 * Turns what a terminal in raw mode sends into keys. Escape sequences (arrow keys, function
 * keys, Home/End) are dropped, so they never become part of the password; the parser keeps
 * its state between chunks because a sequence may be split across reads.
 */
export function makeKeyReader(): (chunk: string) => Key[] {
  // normal text, just after ESC, inside CSI (ESC [ … final byte), or after ESC O (one more char)
  let state: 'text' | 'esc' | 'csi' | 'ss3' = 'text';
  return (chunk) => {
    const keys: Key[] = [];
    for (const ch of chunk) {
      const code = ch.codePointAt(0)!;
      if (state === 'esc') {
        state = ch === '[' ? 'csi' : ch === 'O' ? 'ss3' : 'text';
        continue;
      }
      if (state === 'csi') {
        if (code >= 0x40 && code <= 0x7e) state = 'text';
        continue;
      }
      if (state === 'ss3') {
        state = 'text';
        continue;
      }
      if (ch === '\r' || ch === '\n') keys.push({ kind: 'enter' });
      else if (ch === '\u0003') keys.push({ kind: 'ctrl-c' });
      else if (ch === '\u0004') keys.push({ kind: 'ctrl-d' });
      // DEL is what most terminals send for Backspace; BS (Ctrl-H) is what Windows sends
      else if (ch === '\u007f' || ch === '\b') keys.push({ kind: 'erase' });
      else if (ch === '\u0015') keys.push({ kind: 'erase-all' }); // Ctrl-U
      else if (ch === '\u001b') state = 'esc';
      // other control characters are never part of a typed password; a tab may be
      else if (code < 0x20 && ch !== '\t') continue;
      else keys.push({ kind: 'char', ch });
    }
    return keys;
  };
}

/**
 * Asks `question` on the terminal and reads a line without echoing it. Enter ends the
 * answer (CR, LF or CRLF); Backspace erases one character (a whole code point: never half
 * of an emoji); Ctrl-U erases everything; Ctrl-C, or Ctrl-D on an empty line, cancels. The terminal
 * mode is restored whatever happens, also when the process exits while asking.
 */
export function promptHidden(question: string, input: PromptInput = process.stdin, output: PromptOutput = process.stderr): Promise<PromptAnswer> {
  if (!input.isTTY || typeof input.setRawMode !== 'function') return Promise.resolve({ kind: 'no-terminal' });
  const setRawMode = input.setRawMode.bind(input);
  const wasRaw = input.isRaw === true;
  try {
    setRawMode(true);
  } catch {
    // a terminal that refuses raw mode cannot hide what is typed: do not ask on it
    return Promise.resolve({ kind: 'no-terminal' });
  }
  return new Promise((resolve) => {
    const typed: string[] = []; // code points, so Backspace removes a whole character
    const readKeys = makeKeyReader();
    let finished = false;
    const restore = () => {
      try {
        setRawMode(wasRaw);
      } catch {
        // the terminal is gone: nothing left to restore
      }
    };
    const finish = (answer: PromptAnswer) => {
      if (finished) return;
      finished = true;
      restore();
      process.removeListener('exit', restore);
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.removeListener('close', onEnd);
      input.removeListener('error', onEnd);
      // paused, stdin no longer keeps the process alive once the command is done
      input.pause();
      // Enter was not echoed: end the question's line ourselves
      output.write('\n');
      resolve(answer);
    };
    const onData = (chunk: string | Buffer) => {
      for (const key of readKeys(String(chunk))) {
        if (key.kind === 'enter') return finish({ kind: 'answered', value: typed.join('') });
        if (key.kind === 'ctrl-c') return finish({ kind: 'cancelled', how: 'Ctrl-C' });
        if (key.kind === 'ctrl-d') {
          if (typed.length === 0) return finish({ kind: 'cancelled', how: 'Ctrl-D' });
        } else if (key.kind === 'erase') typed.pop();
        else if (key.kind === 'erase-all') typed.length = 0;
        else if (key.kind === 'char') typed.push(key.ch);
      }
    };
    const onEnd = () => finish({ kind: 'cancelled', how: 'end of input' });
    process.once('exit', restore);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.on('end', onEnd);
    input.on('close', onEnd);
    input.on('error', onEnd);
    input.resume();
    output.write(question);
  });
}

// The hidden password prompt against a stand-in terminal: what it reads (CR, LF, CRLF,
// Backspace, Ctrl-U, arrow keys, split UTF-8), how it ends (Enter, Ctrl-C, Ctrl-D, end of
// input, read error) and that the terminal mode is restored every time. The same prompt
// under a real pseudo-terminal is tested in terminalPrompt.test.ts.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { makeKeyReader, promptHidden, type PromptAnswer } from '../../server/src/smtp/prompt';

/** A terminal stand-in: a stream with isTTY and a raw mode that records every change. */
function fakeTerminal(options: { raw?: boolean; refuseRaw?: boolean; tty?: boolean } = {}) {
  const events: string[] = [];
  const input = Object.assign(new PassThrough(), {
    isTTY: options.tty ?? true,
    isRaw: options.raw ?? false,
    setRawMode(raw: boolean) {
      if (options.refuseRaw) throw new Error('EIO: setRawMode failed');
      events.push(`raw ${raw}`);
      input.isRaw = raw;
      return input;
    },
  });
  let shown = '';
  const output = {
    write(text: string) {
      events.push(`write ${JSON.stringify(text)}`);
      shown += text;
      return true;
    },
  };
  return { input, output, events, shown: () => shown };
}

async function answerTo(...chunks: (string | Buffer)[]): Promise<{ answer: PromptAnswer; term: ReturnType<typeof fakeTerminal> }> {
  const term = fakeTerminal();
  const asked = promptHidden('Password: ', term.input, term.output);
  for (const c of chunks) term.input.write(c);
  return { answer: await asked, term };
}

describe('promptHidden', () => {
  test('raw mode (no echo) is on before the question is shown, and off again after Enter', async () => {
    const { answer, term } = await answerTo('hunter22\r');
    assert.deepEqual(answer, { kind: 'answered', value: 'hunter22' });
    assert.deepEqual(term.events, ['raw true', 'write "Password: "', 'raw false', 'write "\\n"']);
    assert.ok(!term.shown().includes('hunter22'), 'the typed password is never written back');
  });

  test('Enter as CR, LF or Windows CRLF ends the answer without the line ending', async () => {
    for (const ending of ['\r', '\n', '\r\n']) {
      const { answer } = await answerTo(`pw-1${ending}`);
      assert.deepEqual(answer, { kind: 'answered', value: 'pw-1' }, JSON.stringify(ending));
    }
  });

  test('Backspace (DEL or Ctrl-H) erases one whole character, also an emoji; Ctrl-U erases all', async () => {
    assert.deepEqual((await answerTo('abcd\u007f\u007fX\r')).answer, { kind: 'answered', value: 'abX' });
    assert.deepEqual((await answerTo('ab\bc\r')).answer, { kind: 'answered', value: 'ac' });
    assert.deepEqual((await answerTo('a\u{1F600}\u007fé\r')).answer, { kind: 'answered', value: 'aé' });
    assert.deepEqual((await answerTo('wrong\u0015right\r')).answer, { kind: 'answered', value: 'right' });
    assert.deepEqual((await answerTo('\u007f\u007fok\r')).answer, { kind: 'answered', value: 'ok' }, 'Backspace on nothing is harmless');
  });

  test('arrow and function keys never become part of the password, even split across reads', async () => {
    assert.deepEqual((await answerTo('p\u001b[Aa\u001bODs\u001b[3~s\r')).answer, { kind: 'answered', value: 'pass' });
    assert.deepEqual((await answerTo('p', '\u001b', '[1;5', 'C', 'w\r')).answer, { kind: 'answered', value: 'pw' });
  });

  test('a UTF-8 character split between two reads arrives whole', async () => {
    const bytes = Buffer.from('Pässwörd\r', 'utf8');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of ä
    assert.deepEqual((await answerTo(bytes.subarray(0, cut), bytes.subarray(cut))).answer, { kind: 'answered', value: 'Pässwörd' });
  });

  test('other control characters are dropped; a tab is kept', async () => {
    assert.deepEqual((await answerTo('a\u0000b\u0007c\td\r')).answer, { kind: 'answered', value: 'abc\td' });
  });

  test('Ctrl-C cancels, also after some typing, and restores the terminal', async () => {
    const { answer, term } = await answerTo('half-typed\u0003more\r');
    assert.deepEqual(answer, { kind: 'cancelled', how: 'Ctrl-C' });
    assert.equal(term.input.isRaw, false);
    assert.deepEqual(term.events.at(-1), 'write "\\n"');
  });

  test('Ctrl-D cancels on an empty line and is ignored after typing', async () => {
    assert.deepEqual((await answerTo('\u0004')).answer, { kind: 'cancelled', how: 'Ctrl-D' });
    assert.deepEqual((await answerTo('pw\u0004\r')).answer, { kind: 'answered', value: 'pw' });
  });

  test('end of input or a read error while asking cancels instead of hanging', async () => {
    const ended = fakeTerminal();
    const a = promptHidden('Password: ', ended.input, ended.output);
    ended.input.write('partial');
    ended.input.end();
    assert.deepEqual(await a, { kind: 'cancelled', how: 'end of input' });
    assert.equal(ended.input.isRaw, false);

    const broken = fakeTerminal();
    const b = promptHidden('Password: ', broken.input, broken.output);
    broken.input.destroy(new Error('EIO: read failed'));
    assert.deepEqual(await b, { kind: 'cancelled', how: 'end of input' });
    assert.equal(broken.input.isRaw, false);
  });

  test('a terminal already in raw mode is left in raw mode', async () => {
    const term = fakeTerminal({ raw: true });
    const asked = promptHidden('Password: ', term.input, term.output);
    term.input.write('x\r');
    await asked;
    assert.equal(term.input.isRaw, true);
    assert.deepEqual(term.events.filter((e) => e.startsWith('raw')), ['raw true', 'raw true']);
  });

  test('no terminal, or one that refuses raw mode: nothing is asked', async () => {
    for (const options of [{ tty: false }, { refuseRaw: true }]) {
      const term = fakeTerminal(options);
      assert.deepEqual(await promptHidden('Password: ', term.input, term.output), { kind: 'no-terminal' });
      assert.equal(term.shown(), '', JSON.stringify(options));
    }
  });

  test('after the answer nothing keeps listening: input paused, no listeners, no exit hook left', async () => {
    const exitHooks = process.listenerCount('exit');
    const term = fakeTerminal();
    const asked = promptHidden('Password: ', term.input, term.output);
    assert.equal(process.listenerCount('exit'), exitHooks + 1, 'the terminal is restored if the process exits while asking');
    term.input.write('pw\rtyped-ahead');
    await asked;
    assert.equal(process.listenerCount('exit'), exitHooks);
    for (const event of ['data', 'end', 'close', 'error']) assert.equal(term.input.listenerCount(event), 0, event);
    assert.equal(term.input.isPaused(), true);
  });
});

describe('makeKeyReader', () => {
  test('keys in the words of the prompt', () => {
    const read = makeKeyReader();
    assert.deepEqual(read('a\u007f\u0015\u0003\u0004\r'), [
      { kind: 'char', ch: 'a' },
      { kind: 'erase' },
      { kind: 'erase-all' },
      { kind: 'ctrl-c' },
      { kind: 'ctrl-d' },
      { kind: 'enter' },
    ]);
  });
});

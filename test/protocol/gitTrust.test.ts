// Issue 13, item 1 over the real LSP connection: a repository whose config names a program
// (core.fsmonitor, reached directly, through a `.git` file, or through include.path) must never
// get it run by us; in Restricted Mode git is not started at all, in a trusted workspace it runs
// with fsmonitor off, in the background, under a deadline (a FIFO in include.path does not hang
// the server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { DOTENV_WITH_PASSWORD, hostileRepo, plainGitRunsTheMarker, type HostileRoute } from '../support/hostileRepo';
import { byCode, ensureServerBuilt } from './workspace';

ensureServerBuilt();

const messageOf = (d: { message: string | MarkupContent }) => (typeof d.message === 'string' ? d.message : d.message.value);
const passwordMessage = (p: PublishDiagnosticsParams) => {
  const found = byCode(p, 'password-in-plain-text');
  return found ? messageOf(found) : undefined;
};

async function hoverAnswers(client: LspClient, uri: string): Promise<void> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } });
  assert.ok(hover, 'hover answers');
}

for (const route of ['config', 'git-file', 'include'] as HostileRoute[]) {
  test(`Restricted Mode, fsmonitor through ${route}: git never runs, the ignored .env "may be committed"`, async () => {
    const repo = hostileRepo(route, { trackEnv: true });
    try {
      assert.ok(plainGitRunsTheMarker(repo), 'the repository runs its script under plain git');
      const client = await LspClient.start({ root: repo.root, initializationOptions: { trusted: false } });
      try {
        const published = await client.open(repo.env, DOTENV_WITH_PASSWORD, 'dotenv');
        // tracked in truth, but Restricted Mode cannot ask git: "may be committed", not "git tracks"
        assert.match(passwordMessage(published) ?? '', /may be committed; `git ls-files \.env` tells whether git tracks it/);
        await hoverAnswers(client, published.uri);
        await client.change(repo.env, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
        await hoverAnswers(client, published.uri);
      } finally {
        await client.stop();
      }
      assert.equal(repo.markerWritten(), false, 'the fsmonitor script ran');
    } finally {
      repo.dispose();
    }
  });
}

test('trusted: git is asked with fsmonitor off, in the background; a tracked ignored .env is reported, the script never runs', async () => {
  const repo = hostileRepo('config', { trackEnv: true });
  try {
    const client = await LspClient.start({ root: repo.root, initializationOptions: { trusted: true } });
    try {
      const uri = client.uriOf(repo.env);
      const tracked = client.waitForDiagnostics(uri, (p) => /a file git tracks/.test(passwordMessage(p) ?? ''), 'git says .env is tracked');
      await client.open(repo.env, DOTENV_WITH_PASSWORD, 'dotenv');
      const published = await tracked;
      assert.match(passwordMessage(published)!, /listed in \.gitignore but git still tracks it/);
    } finally {
      await client.stop();
    }
    assert.equal(repo.markerWritten(), false, 'the fsmonitor script ran');
  } finally {
    repo.dispose();
  }
});

test('trusted: an ignored .env git does not track gets no password finding (git answers, the script never runs)', async () => {
  const repo = hostileRepo('include');
  try {
    const client = await LspClient.start({ root: repo.root, initializationOptions: { trusted: true } });
    try {
      const published = await client.open(repo.env, DOTENV_WITH_PASSWORD, 'dotenv');
      assert.equal(passwordMessage(published), undefined);
      // a change of the index (git add) makes the server ask again; the answer adds the finding
      const tracked = client.waitForDiagnostics(published.uri, (p) => /a file git tracks/.test(passwordMessage(p) ?? ''), 'git says .env is tracked');
      const { spawnSync } = await import('node:child_process');
      assert.equal(spawnSync('git', ['-c', 'core.fsmonitor=false', 'add', '-f', '.env'], { cwd: repo.root }).status, 0);
      await client.changeWatchedFiles([{ path: `${repo.root}/.git/index`, type: 2 }]);
      await tracked;
    } finally {
      await client.stop();
    }
    assert.equal(repo.markerWritten(), false, 'the fsmonitor script ran');
  } finally {
    repo.dispose();
  }
});

for (const trusted of [false, true]) {
  test(`include.path is a FIFO (${trusted ? 'trusted' : 'Restricted Mode'}): diagnostics and hover still answer${trusted ? '; git is stopped at its deadline and that is logged' : ''}`, async () => {
    const repo = hostileRepo('include-fifo', { trackEnv: true });
    try {
      const client = await LspClient.start({ root: repo.root, initializationOptions: { trusted } });
      try {
        const started = performance.now();
        const published = await client.open(repo.env, DOTENV_WITH_PASSWORD, 'dotenv');
        // the first diagnostics do not wait for git
        assert.ok(performance.now() - started < 4_000, `first diagnostics after ${Math.round(performance.now() - started)} ms`);
        await hoverAnswers(client, published.uri);
        if (trusted) {
          await client.until(() => client.logs.some((l) => /git tracking in .*did not answer within 5 s and was stopped/.test(l)), 'the git deadline logged');
          await client.until(() => /may be committed/.test(passwordMessage(client.diagnostics.get(published.uri)!) ?? ''), '"may be committed" after git failed');
        } else {
          assert.match(passwordMessage(published) ?? '', /may be committed/);
        }
        await hoverAnswers(client, published.uri);
      } finally {
        await client.stop();
      }
    } finally {
      repo.dispose();
    }
  });
}

// The real configuration files in shared/corpus/real/, under their original names: the CLI
// reads every one of them and reports nothing, offline and with DNS checks on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { copyCorpus, ensureBuilt, makeTree, parseJsonReport, removeTree, runCli } from './support/cli';
import { needsCorpus } from '../support/corpus';

describe('mendix-email check on the real corpus', needsCorpus(), () => {
  let dir: string;
  let copied: string[];
  let dns: TestDnsServer;
  before(async () => {
    ensureBuilt();
    dir = makeTree({});
    copied = copyCorpus(dir);
    dns = await startDnsServer({ unknown: 'nxdomain' });
  });
  after(async () => {
    await dns.close();
    removeTree(dir);
  });

  it('checks every file and finds nothing: exit 0', async () => {
    assert.ok(copied.length >= 10);
    const run = await runCli(['check', '--offline', '--max-warnings', '0'], dir);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, new RegExp(`No problems \\(${copied.length} files checked\\)`));
    assert.equal(run.stderr, '');
  });

  it('also with the DNS rules on (a local server that knows no name)', async () => {
    const run = await runCli(['check', '--format', 'json', '--dns-server', dns.address], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(parseJsonReport(run), []);
  });

  it('--format sarif on the corpus has no results', async () => {
    const run = await runCli(['check', '--offline', '--format', 'sarif'], dir);
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout).runs[0].results, []);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettingsFile } from '../../../server/src/sources/index';
import { readFixture, scopeNamed, slice, view } from './helpers';

test('Cloud Foundry manifest: one scope per application, MX_ variables and CONSTANTS', () => {
  const { text, result } = readFixture('manifest.yml');
  assert.equal(result.kind, 'cf-manifest');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.scopes.map((s) => s.name), ['application my-app', 'application other-app']);
  const app = scopeNamed(result, 'application my-app');
  assert.equal(app.kind, 'cf-manifest');
  assert.equal(slice(text, app.anchorRange), 'env');
  assert.deepEqual(view(text, app.assignments), [
    ['Mail.SMTPHost', 'smtp.sendgrid.net', 'literal', 'smtp.sendgrid.net', 'MX_Mail_SMTPHost'],
    ['Mail.SMTPPort', '587', 'literal', '587', 'MX_Mail_SMTPPort'],
    // `((var))` is filled in by `cf push --vars-file`
    ['Mail.SMTPPassword', '((sendgrid-key))', 'reference', '((sendgrid-key))', 'MX_Mail_SMTPPassword'],
    ['Mail.SMTPUser', 'apikey', 'literal', 'apikey', 'Mail.SMTPUser'],
  ]);
  assert.equal(app.assignments[1].quoted, true);
  assert.equal(app.assignments[3].channel, 'constants-json');
  assert.deepEqual(view(text, scopeNamed(result, 'application other-app').assignments), [
    ['Mail.SMTPHost', 'localhost', 'literal', 'localhost', 'MX_Mail_SMTPHost'],
  ]);
});

test('Cloud Foundry manifest: recognised by content, not by name', () => {
  assert.equal(readSettingsFile('/p/deploy.yml', 'applications:\n- name: a\n')?.kind, 'cf-manifest');
  // a manifest.yml of some other tool is not ours
  assert.equal(readSettingsFile('/p/manifest.yml', 'name: my-extension\nversion: 1\n'), undefined);
});

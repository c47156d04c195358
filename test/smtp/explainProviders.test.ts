// Replies only one provider sends (Gmail's 534-5.7.9, Microsoft 365's 5.7.139 / 5.7.30 /
// 5.2.252, Amazon SES's 530 before STARTTLS) are explained from the provider table
// (settings/providers.ts failures), not from codes written a second time in smtp/explain.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROVIDERS, type KnownFailure } from '../../server/src/settings/providers';
import { explainFailure } from '../../server/src/smtp/explain';

test('each provider reply in the table gets the table\'s explanation, whatever the host', () => {
  const explained = PROVIDERS.flatMap((p) => p.failures.filter((f) => f.reply && f.explained));
  assert.ok(explained.length >= 5, `${explained.length} provider replies with an explanation`);
  for (const failure of explained) {
    const response = `${failure.code} ${failure.meaning}`;
    const answer = explainFailure('AUTH', { response, responseCode: Number(failure.code.slice(0, 3)), code: 'EAUTH' }, { host: 'relay.example.test', port: 587 });
    assert.deepEqual(answer, failure.explained, response);
  }
});

test('the explanation comes from the table: a reply added there is recognised', () => {
  const provider = PROVIDERS.find((p) => p.id === 'sendgrid')!;
  const added: KnownFailure = {
    code: '550 5.7.999',
    meaning: 'a reply made up for this test',
    fix: 'none',
    reply: /\b5\.7\.999\b/,
    explained: { cause: 'made-up cause from the table', fix: 'made-up fix from the table' },
  };
  (provider.failures as KnownFailure[]).push(added);
  try {
    const answer = explainFailure('MAIL FROM', { response: '550 5.7.999 nope', responseCode: 550 }, {});
    assert.deepEqual(answer, added.explained);
  } finally {
    (provider.failures as KnownFailure[]).pop();
  }
});

// The targets are described once (server/src/core/targets.ts); the settings UI (package.json)
// and the project-config schema show the same words, in the same order as TARGETS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import manifest from '../../../package.json';
import schema from '../../../schemas/mendix-email.schema.json';
import { TARGETS } from '../../../server/src/core/types';
import { TARGET_FACTS } from '../../../server/src/core/targets';
import { targetInWords } from '../../../server/src/settings/target';

const descriptions = TARGETS.map((t) => TARGET_FACTS[t].description);

test('package.json mendixEmail.defaultTarget lists the targets with the table\'s descriptions', () => {
  const setting = manifest.contributes.configuration.properties['mendixEmail.defaultTarget'];
  assert.deepEqual(setting.enum, [...TARGETS]);
  assert.deepEqual(setting.enumDescriptions, descriptions);
});

test('the project-config schema lists the targets with the table\'s descriptions', () => {
  assert.deepEqual(schema.definitions.target.enum, [...TARGETS]);
  assert.deepEqual(schema.definitions.target.enumDescriptions, descriptions);
});

test('messages name a target the table\'s way', () => {
  assert.equal(targetInWords('self-hosted'), 'a self-hosted server');
  for (const t of TARGETS) assert.equal(targetInWords(t), TARGET_FACTS[t].inWords);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettingsFile } from '../../../server/src/sources/index';
import { readFixture, scopeNamed, slice, view } from './helpers';

test('Kubernetes: ConfigMap data, CronJob and Pod containers; valueFrom is a secret reference', () => {
  const { text, result } = readFixture('kubernetes.yaml');
  assert.equal(result.kind, 'kubernetes');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.scopes.map((s) => s.name), [
    'ConfigMap mail-config',
    'CronJob digest / container job',
    'Pod single / container main',
  ]);
  assert.deepEqual(view(text, scopeNamed(result, 'ConfigMap mail-config').assignments), [
    ['Mail.SMTPHost', 'smtp.example.com', 'literal', 'smtp.example.com', 'MX_Mail_SMTPHost'],
    ['Mail.SMTPPort', '587', 'literal', '587', 'Mail.SMTPPort'],
  ]);
  const job = scopeNamed(result, 'CronJob digest / container job');
  assert.equal(slice(text, job.anchorRange), 'env');
  assert.deepEqual(view(text, job.assignments), [
    ['Mail.SMTPPort', '25', 'literal', '25', 'MX_Mail_SMTPPort'],
    ['Mail.SMTPUser', '', 'secret-ref', 'configMapKeyRef: {name: mail, key: user}', 'MX_Mail_SMTPUser'],
  ]);
  // `$(HOST)` is Kubernetes' own variable expansion
  assert.deepEqual(view(text, scopeNamed(result, 'Pod single / container main').assignments), [
    ['Mail.SMTPHost', '$(HOST)', 'reference', '$(HOST)', 'MX_Mail_SMTPHost'],
  ]);
});

test('Kubernetes: resources without Mendix variables are not ours', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
  assert.equal(readSettingsFile('/p/service.yaml', service), undefined);
  const deployment =
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          env:\n            - name: JAVA_OPTS\n              value: x\n';
  assert.equal(readSettingsFile('/p/deploy.yaml', deployment), undefined);
  const withMx = deployment.replace('JAVA_OPTS', 'MX_Mail_Host');
  const result = readSettingsFile('/p/deploy.yaml', withMx);
  assert.equal(result?.kind, 'kubernetes');
  assert.deepEqual(result?.scopes.map((s) => s.name), ['Deployment / container a']);
});

test('Kubernetes: StatefulSet init containers and a Secret stringData', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata: {name: db}',
    'spec:',
    '  template:',
    '    spec:',
    '      initContainers:',
    '        - name: init',
    '          env: [{name: CONSTANTS, value: \'{"Mail.Port": 2525}\'}]',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata: {name: s}',
    'stringData:',
    '  MX_Mail_SMTPPassword: hunter2',
    '',
  ].join('\n');
  const result = readSettingsFile('/p/k8s.yaml', text)!;
  assert.deepEqual(result.scopes.map((s) => [s.name, s.assignments.map((a) => a.name)]), [
    ['StatefulSet db / container init', ['Mail.Port']],
    ['Secret s', ['Mail.SMTPPassword']],
  ]);
  assert.equal(slice(text, result.scopes[0].assignments[0].valueRange), '2525');
});

test('Helm templates: `{{ … }}` values are references and template syntax is no YAML syntax error', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "app.fullname" . }}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          env:',
    '            - name: MX_Mail_SMTPHost',
    '              value: "{{ .Values.mail.host }}"',
    '            {{- if .Values.mail.port }}',
    '            - name: MX_Mail_SMTPPort',
    '              value: {{ .Values.mail.port | quote }}',
    '            {{- end }}',
    '',
  ].join('\n');
  const result = readSettingsFile('/chart/templates/deployment.yaml', text);
  assert.ok(result);
  assert.deepEqual(result.problems, []);
  const assignments = result.scopes.flatMap((s) => s.assignments);
  assert.equal(assignments[0].name, 'Mail.SMTPHost');
  assert.equal(assignments[0].valueKind, 'reference');
});

test('Kubernetes: DTAP variables alone do not make a resource ours', () => {
  const deployment =
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          env:\n            - name: DEVELOPMENT_MODE\n              value: "true"\n';
  assert.equal(readSettingsFile('/p/deploy.yaml', deployment), undefined);
  const withMx = deployment + '            - name: MX_Mail_Host\n              value: h\n';
  assert.equal(readSettingsFile('/p/deploy.yaml', withMx)?.scopes[0].dtapMode?.value, 'D');
});

// The m2ee.yaml the language-server benchmarks open: about `lines` lines, with a few mail
// findings at the top and plain constants after them.

/** An m2ee.yaml of about `lines` lines, with a few mail findings in it. */
export function m2eeFile(lines) {
  const out = [
    '# mendix-email: target=mendix-cloud',
    'mxruntime:',
    '  DTAPMode: P',
    '  MicroflowConstants:',
    '    Mail.SMTPHost: smtp.sendgrid.net',
    '    Mail.SMTPPort: 25',
    '    Mail.SMTPUsername: apikey',
    '    Mail.SMTPPassword: ""',
    '    Mail.FromAddress: noreply@test.com',
  ];
  for (let i = out.length; i < lines; i++) out.push(`    Module${i % 97}.Constant${i}: "value ${i}"`);
  return out.join('\n') + '\n';
}

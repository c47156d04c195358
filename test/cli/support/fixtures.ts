// Fixture trees shared by more than one CLI test file.

/** Two apps in one repository, one with a model (model/metadata.json) and one without. */
export const TWO_APPS: Record<string, string> = {
  'app-a/model/metadata.json': JSON.stringify({
    Constants: [
      { Name: 'Mail.SMTPHost', Type: 'String', DefaultValue: '' },
      { Name: 'Mail.SMTPPort', Type: 'Integer', DefaultValue: '587' },
    ],
  }),
  'app-a/deploy/m2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: localhost\n    Mail.SMTPPrt: 25\n',
  'app-b/m2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: localhost\n    Other.Constant: x\n',
};

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

const constantsJava = (names: string[]) =>
  `package mail.proxies.constants;\n\npublic class Constants\n{\n${names
    .map((n, i) => `\tpublic static java.lang.String getC${i}()\n\t{\n\t\treturn (java.lang.String)com.mendix.core.Core.getConfiguration().getConstantValue("${n}");\n\t}\n`)
    .join('\n')}}\n`;

/**
 * Three apps in one repository: two with a model (a deployment package, a Studio Pro project)
 * and one without. Each modelled app is judged by its own declarations; the third by none
 * (there is no telling which model it would follow). The CLI and the editor must say the same.
 */
export const THREE_APPS: Record<string, string> = {
  'app-a/model/metadata.json': TWO_APPS['app-a/model/metadata.json'],
  'app-a/deploy/m2ee.yaml': TWO_APPS['app-a/deploy/m2ee.yaml'],
  'app-b/App.mpr': '',
  'app-b/javasource/mail/proxies/constants/Constants.java': constantsJava(['Other.Constant']),
  // Mail.SMTPPort is app-a's constant, not app-b's
  'app-b/m2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Other.Constant: x\n    Mail.SMTPPort: 587\n',
  'app-c/m2ee.yaml': 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: localhost\n    Whatever.Thing: x\n',
};

/** The unknown-constant findings THREE_APPS must get (file:line name), CLI and editor alike. */
export const THREE_APPS_UNKNOWN = ['app-a/deploy/m2ee.yaml:4 Mail.SMTPPrt', 'app-b/m2ee.yaml:4 Mail.SMTPPort'];

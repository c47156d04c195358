// A password written in a committed file is a leak (mendix-email.md §3, "Secrets"): every clone,
// fork and CI log has it. Each platform has a place for secrets; the message names it.
import type { Assignment, FileKind, Fix } from '../core/types';
import { docsPath, type Rule } from './rule';
import { literalValue } from './support';
import { constantKey } from '../settings/roles';

/** Where this kind of file keeps secrets instead, in one clause. */
function secretMechanism(kind: FileKind, a: Assignment): string {
  switch (kind) {
    case 'compose':
      return `reference a variable (\`\${${envName(a)}}\`) set outside the repository, or use Docker secrets`;
    case 'dotenv':
      return 'keep this .env file out of git (.gitignore) and commit a .env.example without values';
    case 'cf-manifest':
      return `set it with \`cf set-env\` or a credentials service, or reference a variable (\`((${envName(a).toLowerCase()}))\`)`;
    case 'mendix-app':
      return `store it in the secret store under \`mx-const-${a.name}\``;
    case 'kubernetes':
      return 'read it from a Secret with `valueFrom.secretKeyRef`';
    default:
      return 'keep the file out of git, or set the value on the server at deploy time';
  }
}

function envName(a: Assignment): string {
  return a.channel === 'mx-env' ? `${a.key}` : `MX_${constantKey(a.name)}`;
}

/** A `${VAR}` / `((var))` reference to put in place of the value, where the file kind has one. */
function referenceFix(kind: FileKind, a: Assignment): Fix[] | undefined {
  if (a.channel === 'constants-json' || a.channel === 'custom-configuration') return undefined;
  const ref = kind === 'compose' ? `\${${envName(a)}}` : kind === 'cf-manifest' ? `((${envName(a).toLowerCase()}))` : undefined;
  if (!ref) return undefined;
  return [{ title: `Replace the password with ${ref}`, edits: [{ range: a.valueRange, newText: ref }], safe: false }];
}

export const passwordInPlainText: Rule = {
  id: 'password-in-plain-text',
  defaultSeverity: 'warning',
  description: 'A password or API key is written in a file that git tracks (or would track).',
  docs: docsPath('password-in-plain-text'),
  needsNetwork: false,
  check({ settings, path, options, report }) {
    const password = settings.roles.password;
    if (!password) return;
    const written = [password, ...settings.overridden.filter((o) => o.winner === password).map((o) => o.loser)];
    for (const a of written) {
      // a value read from an env_file lives in that file, which is judged when it is checked itself
      if (a.fromFile !== undefined || literalValue(a) === undefined) continue;
      const tracked = options.isTrackedByGit?.(path);
      if (tracked === false) return;
      const where = tracked === true ? 'a file git tracks (or would commit)' : 'a file that may be committed';
      report({
        range: a.valueRange,
        message: `The SMTP password in ${a.name} is written in plain text in ${where}; ${secretMechanism(settings.scope.kind, a)}.`,
        fixes: referenceFix(settings.scope.kind, a),
      });
    }
  },
};

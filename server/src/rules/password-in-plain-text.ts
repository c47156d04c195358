// A password written in a committed file is a leak (mendix-email.md §3, "Secrets"): every clone,
// fork and CI log has it. Each platform has a place for secrets; the message names it and the
// fix writes it (ruleKit/passwordFixes.ts). No message, title or edit ever repeats the password.
import * as nodePath from 'node:path';
import type { Assignment, Fix } from '../core/types';
import type { Rule, RuleContext } from '../ruleKit/rule';
import { literalValue } from '../ruleKit/support';
import { azureKeyVaultName, createSecretCommand, gitignoreFix, kubernetesSecretFix, referenceFix, secretKeyFor, secretNameFor, secretReferenceTo, secretStoreFix, secretStoreKey } from '../ruleKit/passwordFixes';
import { secretAssignments, secretWord } from '../settings/secrets';

interface Advice {
  /** where this kind of file keeps secrets instead, in one clause */
  clause: string;
  fixes: Fix[];
}

function advice(ctx: RuleContext, a: Assignment, tracked: boolean | 'unknown' | undefined): Advice {
  const { settings, path, options } = ctx;
  const kind = settings.scope.kind;
  if (tracked === 'unknown') {
    // git could not be asked (Restricted Mode, or it failed): the command that tells, and the cure
    const name = nodePath.basename(path);
    return { clause: `\`git ls-files ${name}\` tells whether git tracks it; if it does, run \`git rm --cached ${name}\` and keep it in .gitignore`, fixes: [] };
  }
  const fixes: Fix[] = [];
  const reference = referenceFix(kind, a);
  if (reference) fixes.push(reference);
  switch (kind) {
    case 'compose':
      return { clause: `reference a variable (\`${secretReferenceTo(kind, a)}\`) set outside the repository, or use Docker secrets`, fixes };
    case 'cf-manifest':
      return { clause: `set it with \`cf set-env\` or a credentials service, or reference a variable (\`${secretReferenceTo(kind, a)}\`)`, fixes };
    case 'dotenv': {
      const name = nodePath.basename(path);
      const git = gitignoreFix(path, options);
      if (git.alreadyListed) {
        return { clause: `${name} is listed in .gitignore but git still tracks it: run \`git rm --cached ${name}\` and commit a ${name}.example without values`, fixes };
      }
      if (git.fix) fixes.push(git.fix);
      return { clause: `keep this file out of git (add ${name} to .gitignore) and commit a ${name}.example without values`, fixes };
    }
    case 'mendix-app': {
      const fix = secretStoreFix(ctx, a);
      if (fix) fixes.push(fix);
      return {
        clause: `store it in the environment's secret store under \`${secretStoreKey(a.name)}\` (Azure Key Vault: \`${azureKeyVaultName(a.name)}\`; Mendix Operator 2.10 or later) and remove it here`,
        fixes,
      };
    }
    case 'kubernetes': {
      const secret = secretNameFor(settings.scope.name);
      const key = secretKeyFor(secretWord(a));
      const fix = kubernetesSecretFix(ctx, a, secret, key);
      if (fix) fixes.push(fix);
      return { clause: `read it from a Secret with \`valueFrom.secretKeyRef\`; the Secret must exist first (\`${createSecretCommand(secret, key)}\`)`, fixes };
    }
    default:
      return { clause: 'keep the file out of git, or set the value on the server at deploy time', fixes };
  }
}

export const passwordInPlainText: Rule = {
  id: 'password-in-plain-text',
  defaultSeverity: 'warning',
  description: 'A password, API key or encryption key is written in a file that git tracks (or would track).',
  needsNetwork: false,
  check(ctx) {
    const { settings, path, options, report } = ctx;
    // every secret of the scope by the one definition (settings/secrets.ts): each password
    // (`Mail.ApiKey` beside `Mail.SMTPPassword` leaks as much), the Encryption module's key, and
    // the values they override: those are written in the file too
    const written = secretAssignments(settings);
    for (const a of written) {
      // a value read from an env_file lives in that file, which is judged when it is checked itself
      if (a.fromFile !== undefined || literalValue(a) === undefined) continue;
      const tracked = options.isTrackedByGit?.(path);
      if (tracked === false) return;
      const where = tracked === true ? 'a file git tracks (or would commit)' : 'a file that may be committed';
      const { clause, fixes } = advice(ctx, a, tracked);
      report({
        range: a.valueRange,
        message: `The ${secretWord(a)} in ${a.name} is written in plain text in ${where}; ${clause}.`,
        ...(fixes.length > 0 ? { fixes } : {}),
      });
    }
  },
};

// Studio Pro's generated `javasource/<module>/proxies/constants/Constants.java`: one getter
// per constant, `public static java.lang.String getLogNode() { return (java.lang.String)
// Core.getConfiguration().getConstantValue("Email_Connector.LogNode"); }`. Declarations only.
import type { ConstantDeclaration } from '../core/types';
import type { ReadContext } from './context';

const GETTER =
  /public\s+static\s+([\w.]+)\s+get\w*\s*\(\s*\)\s*\{[^}]*?getConstantValue\s*\(\s*"([^"\\]+)"\s*\)/g;

/** Java type of the getter → the constant's type as Studio Pro names it. */
const MENDIX_TYPES: Record<string, string> = {
  'java.lang.String': 'String',
  String: 'String',
  'java.lang.Long': 'Integer',
  Long: 'Integer',
  'java.lang.Integer': 'Integer',
  'java.lang.Boolean': 'Boolean',
  Boolean: 'Boolean',
  'java.math.BigDecimal': 'Decimal',
  'java.lang.Double': 'Float',
  'java.util.Date': 'DateTime',
};

export function looksLikeConstantsJava(text: string): boolean {
  return /\bpackage\s+[\w.]+\.proxies\.constants\s*;/.test(text) || text.includes('getConstantValue(');
}

export function readConstantsJava(ctx: ReadContext): ConstantDeclaration[] {
  const declarations: ConstantDeclaration[] = [];
  for (const m of ctx.text.matchAll(GETTER)) {
    const name = m[2];
    const start = (m.index ?? 0) + m[0].lastIndexOf(`"${name}"`) + 1;
    declarations.push({
      name,
      type: MENDIX_TYPES[m[1]] ?? m[1],
      file: ctx.path,
      range: ctx.range([start, start + name.length]),
    });
  }
  return declarations;
}

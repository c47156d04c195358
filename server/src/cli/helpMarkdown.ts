// A rule page as SARIF `help.markdown`: GitHub shows it beside a code-scanning alert, where a
// relative link (`../providers.md`, `#fix`) would point nowhere. Each link is made absolute
// against the page's own web address; one that would leave the repository's files has no
// page to go to, so only its text is kept.
import { repositoryFileUrl, ruleDocUrl } from '../core/links';

// [text](target "title") and ![alt](target); reference definitions `[id]: target`
const INLINE_LINK = /(!?\[[^\]\n]*\])\(\s*<?([^)\s>]+)>?((?:\s+"[^"\n]*")?)\s*\)/g;
const REFERENCE_DEFINITION = /^( {0,3}\[[^\]\n]+\]:\s*)<?(\S+?)>?((?:\s+"[^"\n]*")?)$/gm;
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export function helpMarkdownOf(ruleId: string, page: string): string {
  const base = ruleDocUrl(ruleId);
  // the repository's files on the branch the rule pages are read from
  const inside = repositoryFileUrl('');
  const absolute = (target: string): string | undefined => {
    if (ABSOLUTE.test(target)) return target;
    try {
      const url = new URL(target, base).href;
      return url.startsWith(inside) ? url : undefined;
    } catch {
      return undefined;
    }
  };
  return page
    .replace(INLINE_LINK, (whole, label: string, target: string, title: string) => {
      const url = absolute(target);
      if (url) return `${label}(${url}${title})`;
      return label.startsWith('!') ? '' : label.slice(1, -1);
    })
    .replace(REFERENCE_DEFINITION, (whole, head: string, target: string, title: string) => {
      const url = absolute(target);
      return url ? `${head}${url}${title}` : '';
    });
}

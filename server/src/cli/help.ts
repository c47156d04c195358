// The text of `mendix-email --help`.
import { TARGETS } from '../core/types';

export const MAIN_HELP = `Usage: mendix-email <command> [options]

Commands:
  check [paths…]   check the mail (SMTP) settings in Mendix settings files (the default)
  send-test        send a real test mail with the settings of a file
  verify           connect and log in to the SMTP server without sending

Run "mendix-email <command> --help" for the options of a command.
`;

export const CHECK_HELP = `Usage: mendix-email check [paths…] [options]

Finds every Mendix settings file under the paths (default: the current folder) —
m2ee.yaml, Cloud Foundry manifests, docker-compose files, .env files, MendixApp and
other Kubernetes manifests, model/metadata.json, model/config.json, Constants.java —
respecting .gitignore and skipping node_modules, and checks their outgoing-mail settings
with the same rules as the editor. Settings come from .mendix-email.json (the nearest one
above each file) unless --config is given.

Output:
  -f, --format FORMAT           report format: text (default), json, sarif, github
                                (GitHub Actions annotations) or gitlab (Code Quality)
  -o, --output FILE             write the report to FILE instead of the terminal
  -q, --quiet                   report errors only
      --no-color                no colours (colours are only used on a terminal anyway)

Fixes:
      --fix                     apply the safe fixes (the editor's "Fix all") to the files,
                                then report what is left
      --fix-dry-run             print those fixes as a unified diff; change nothing

Rules:
      --target TARGET           target for files whose target is not set by a directive,
                                the config file or the file's kind (default: mendix-cloud);
                                one of ${TARGETS.join(', ')}
  -c, --config FILE             use this config file instead of looking for .mendix-email.json
      --rule ID=SEVERITY        set a rule's severity: error, warning, info, hint or off;
                                repeatable; wins over the config file
      --offline                 skip the checks that need DNS
      --dns-server IP[:PORT]    DNS server for the online checks; repeatable

Mendix Cloud (Deploy API v1):
      --mendix-cloud APP/ENV    check an environment's constants, e.g. calc/Production;
                                APP alone = all its environments, '*' = every app and
                                environment the key can see; repeatable. Without paths only
                                the environments are checked. Credentials only from
                                MENDIX_USERNAME and MENDIX_API_KEY; MENDIX_DEPLOY_API_URL
                                (default https://deploy.mendix.com); HTTPS_PROXY honoured
      --cloud-timeout SECONDS   per request to the Deploy API (default 30)

Exit:
      --max-warnings N          exit 1 when there are more than N warnings
  exit code 0: no errors (and warnings within --max-warnings)
            1: errors, or more warnings than --max-warnings
            2: bad usage, a bad config file, a file that could not be read, or a
               Mendix Cloud environment that could not be read (bad key, no access,
               unknown app or environment, timeout)

  -h, --help                    show this help
  -v, --version                 show the version
`;

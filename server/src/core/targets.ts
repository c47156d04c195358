// Every deployment target once: how a message names it, the picker's label and the one-line
// description the settings UI (package.json) and the project-config schema show. Those two
// JSON files are checked against this table (test/unit/settings/targets.test.ts).
import type { Target } from './types';

export interface TargetFacts {
  /** the picker's label: "Mendix Cloud (v4 and later)" */
  label: string;
  /** in a sentence: "the rule does not apply on Mendix Cloud" */
  inWords: string;
  /** one line for the settings UI and the schema's enumDescriptions */
  description: string;
}

export const TARGET_FACTS: Readonly<Record<Target, TargetFacts>> = {
  'mendix-cloud': {
    label: 'Mendix Cloud (v4 and later)',
    inWords: 'Mendix Cloud',
    description: 'Mendix Cloud (v4 and later): port 25 is rate-limited, no Mendix mail server.',
  },
  'mendix-cloud-v3': {
    label: 'Mendix Cloud v3 (retired 2021)',
    inWords: 'Mendix Cloud v3',
    description: 'Mendix Cloud v3 (retired 2021): had a Mendix mail server on localhost:25.',
  },
  'free-app': {
    label: 'Free App (sandbox)',
    inWords: 'the Mendix Free App',
    description: 'Free App (sandbox): an external SMTP provider is needed.',
  },
  'private-cloud': {
    label: 'Mendix for Private Cloud',
    inWords: 'Mendix for Private Cloud',
    description: 'Mendix for Private Cloud (Kubernetes operator, MendixApp resources).',
  },
  'cloud-foundry': {
    label: 'Cloud Foundry',
    inWords: 'Cloud Foundry',
    description: 'Cloud Foundry with the cf-mendix-buildpack.',
  },
  docker: {
    label: 'Docker / Kubernetes',
    inWords: 'Docker',
    description: 'Docker with the docker-mendix-buildpack (compose files, Kubernetes).',
  },
  'self-hosted': {
    label: 'self-hosted (m2ee-tools)',
    inWords: 'a self-hosted server',
    description: 'Self-hosted with m2ee-tools (m2ee.yaml): a local mail server is plausible.',
  },
};

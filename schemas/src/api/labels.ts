/** How the values of normalised facts are named for people: in facets, comparisons and exports alike. */
const VALUE_LABELS: Readonly<Record<string, string>> = {
  online: 'Online',
  in_person: 'In person',
  blended: 'Blended',
  self_paced: 'Self-paced',
  scheduled: 'Scheduled',
  introductory: 'Introductory',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  certificate: 'Certificate',
  digital_badge: 'Digital badge',
  micro_degree: 'Micro-degree',
  statement_of_attainment: 'Statement of attainment',
  free: 'Free',
  'free-audit-paid-certificate': 'Free to study, paid certificate',
  paid: 'Paid',
  unknown: 'Cost not stated',
  university: 'University',
  college: 'College',
  professional_body: 'Professional body',
  company: 'Company',
  partnership: 'Partnership',
};

/** The name of a normalised value (`in_person` → "In person"); a value without one is shown as it is. */
export function valueLabel(value: string): string {
  return Object.hasOwn(VALUE_LABELS, value) ? VALUE_LABELS[value]! : value;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
/** Intl's names are slow to look up, and the codes few: each is named once */
const languageLabels = new Map<string, string>();

/** The English name of a BCP 47 language code ("pt-BR" → "Brazilian Portuguese"). */
export function languageLabel(code: string): string {
  let named = languageLabels.get(code);
  if (named === undefined) {
    try {
      named = languageNames.of(code) ?? code;
    } catch {
      named = code;
    }
    languageLabels.set(code, named);
  }
  return named;
}

// The value sets of aggregate reports (counts States send instead of cases), after UNODC's
// GLOTIP questionnaire: indicator × dimension × category × sex × age × year.

export const indicators = ['detected_victims', 'formal_contact', 'prosecuted', 'convicted', 'offences'] as const;
export type Indicator = (typeof indicators)[number];

/** 'total' has the single category 'total'; 'form' has the forms below; the others name places. */
export const dimensions = ['total', 'form', 'citizenship', 'repatriation'] as const;
export type Dimension = (typeof dimensions)[number];

export const formCategories = [
  'sexual_exploitation',
  'forced_labour',
  'forced_criminality',
  'forced_marriage',
  'organ_removal',
  'begging',
  'illegal_adoption',
  'mixed',
  'other',
] as const;
export type FormCategory = (typeof formCategories)[number];

export const sexes = ['total', 'female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

export const ages = ['total', 'adult', 'minor', 'unknown'] as const;
export type Age = (typeof ages)[number];

/**
 * What a category is: the total, a form of exploitation, a country (ISO 3166-1 alpha-3) or an
 * area kept as the file names it (a sub-region such as "Other West Africa", "Nationals").
 */
export const categoryKinds = ['total', 'form', 'country', 'area'] as const;
export type CategoryKind = (typeof categoryKinds)[number];

/** A count (0 is a known zero), a suppressed small count (below `bound`), or unknown. */
export const valueKinds = ['count', 'suppressed', 'unknown'] as const;
export type ValueKind = (typeof valueKinds)[number];

export const reportStatuses = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

// English is the source catalogue: its keys define what every other language must translate.
// Placeholders in braces ({count}) are filled by `t`; keep them in every translation.
export const en = {
  'app.subtitle': 'Global Partnership against Slavery and Trafficking in Persons',
  'shell.skipToContent': 'Skip to content',
  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.api': 'API',
  'nav.apiTitle': 'API documentation (OpenAPI)',
  'language.label': 'Language',
  'demo.label': 'Demonstration mode',
  'demo.text': 'Demonstration data is loaded. All organisations, people, activities and figures shown are fictitious.',
  'home.title': 'The partnership at a glance',
  'home.intro':
    'TIP Hub is one place where States, United Nations agencies, IOM, INTERPOL and non-governmental organisations work together against slavery and trafficking in persons.',
  'home.purpose.heading': 'What TIP Hub is for',
  'home.purpose.whoWhatWhere': 'See who does what, and where.',
  'home.purpose.gaps': 'Find gaps and duplicated effort.',
  'home.purpose.reportOnce': 'Report once, for every mandate that asks.',
  'home.purpose.honestNumbers': 'Publish honest numbers without exposing a single victim.',
  'home.figures.heading': 'Key figures',
  'home.figures.countries': 'Countries and territories',
  'home.figures.unMembers': 'UN Member States',
  'home.figures.regions': 'Regions',
  'home.map.heading': 'Countries and territories by region',
  'home.map.label': 'World map of {count} countries and territories, coloured by M49 region. The table below gives the same figures.',
  'home.map.legend': 'Legend',
  'home.map.noRegion': 'No M49 region',
  'home.map.disclaimer':
    'The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.',
  'home.table.caption': 'Countries and territories and UN Member States by M49 region and subregion',
  'home.table.area': 'Region or subregion',
  'home.table.countries': 'Countries and territories',
  'home.table.unMembers': 'UN Member States',
  'home.table.total': 'World',
  'home.source': 'Source: Standard Country or Area Codes for Statistical Use (M49), United Nations Statistics Division.',
  'state.loading': 'Loading…',
  'state.error.title': 'The data could not be loaded',
  'state.error.body': 'TIP Hub could not get this information from its server. Please check your connection and try again.',
  'state.error.reference': 'Reference for support: {id}',
  'state.error.retry': 'Try again',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address. It may have moved, or the link may be wrong.',
  'notFound.home': 'Go to the home page',
  'footer.about': 'TIP Hub is the coordination platform of the Global Partnership against Slavery and Trafficking in Persons.',
  'footer.version': 'Version {version}',
  'footer.apiDocs': 'API documentation',
} as const;

/** Every message key; the English catalogue is the source. */
export type MessageKey = keyof typeof en;
/** A full catalogue: another language must give exactly these keys (no more, no fewer). */
export type Messages = Record<MessageKey, string>;

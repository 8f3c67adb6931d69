import type { DemoContributor } from '../../platform/demo/demo.ts';
import { MandatesRepository } from './mandates.repository.ts';
import type { MandateBody } from './mandates.tables.ts';

type Text = Record<string, string>;
interface DemoMandate {
  symbol: string;
  body: MandateBody;
  adoptedOn: string;
  title: Text;
  /** True when the summaries below are demonstration text rather than the project's own digest. */
  demonstrationSummaries: boolean;
  paragraphs: [label: string, summary: Text][];
}

/**
 * The seed resolution, paragraph by paragraph, summarised in our own words (never its text).
 * Demonstration activities link only to these labels.
 */
export const seedResolution: DemoMandate = {
  symbol: 'A/RES/61/180',
  body: 'general_assembly',
  adoptedOn: '2006-12-20',
  title: {
    en: 'Improving the coordination of efforts against trafficking in persons',
    fr: 'Amélioration de la coordination des efforts déployés contre la traite des personnes',
    es: 'Mejoramiento de la coordinación de los esfuerzos contra la trata de personas',
    ru: 'Улучшение координации усилий по борьбе с торговлей людьми',
    zh: '改进协调打击贩运人口的努力',
    ar: 'تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص',
  },
  demonstrationSummaries: false,
  paragraphs: [
    ['1', { en: 'States and organisations are asked to join a global partnership to end slavery and trafficking and to help victims.', fr: 'États et organisations sont invités à former un partenariat mondial pour mettre fin à l’esclavage et à la traite et aider les victimes.' }],
    ['2', { en: 'States not yet party should ratify or accede to the Organized Crime Convention, its Trafficking Protocol and the child-sale Optional Protocol, and apply them fully.', fr: 'Les États non encore parties devraient ratifier la Convention contre la criminalité organisée, son Protocole sur la traite et le Protocole facultatif sur la vente d’enfants.' }],
    ['3', { en: 'Understand and reduce the demand that drives exploitation, through laws, education and social or cultural measures.', fr: 'Comprendre et réduire la demande à l’origine de l’exploitation, par la loi, l’éducation et des mesures sociales ou culturelles.' }],
    ['4', { en: 'Support the physical and psychological recovery and the social reintegration of victims.', fr: 'Favoriser le rétablissement physique et psychologique et la réinsertion sociale des victimes.' }],
    ['5', { en: 'The Secretary-General is to make UN efforts coherent and work more closely with other organisations, covering prosecution, prevention and protection.', fr: 'Le Secrétaire général doit rendre cohérents les efforts de l’ONU et coopérer davantage avec les autres organisations.' }],
    ['5(a)', { en: 'Set up an inter-agency working group on trafficking with States, UN bodies, IOM, Interpol and other organisations.', fr: 'Créer un groupe de travail interinstitutions sur la traite avec les États, l’ONU, l’OIM, Interpol et d’autres organisations.' }],
    ['5(b)', { en: 'UNODC’s Executive Director coordinates the working group within existing resources.', fr: 'Le Directeur exécutif de l’ONUDC coordonne le groupe de travail dans la limite des ressources existantes.' }],
    ['5(c)', { en: 'Use the outcome of the technical assistance meeting to coordinate the work of UN and other bodies.', fr: 'Tenir compte des résultats de la réunion sur l’assistance technique pour coordonner le travail des organismes.' }],
    ['6', { en: 'The working group has four functions, listed in the sub-paragraphs.', fr: 'Le groupe de travail a quatre fonctions, énumérées dans les alinéas.' }],
    ['6(a)', { en: 'Encourage and monitor agencies’ activities so that intergovernmental decisions on trafficking are implemented in full.', fr: 'Encourager et suivre les activités des organismes pour que les décisions intergouvernementales sur la traite soient pleinement appliquées.' }],
    ['6(b)', { en: 'Make agencies’ anti-trafficking work accountable and transparent.', fr: 'Rendre le travail des organismes contre la traite responsable et transparent.' }],
    ['6(c)', { en: 'Find gaps and overlaps in anti-trafficking policies and use existing resources well, building on regional and national systems.', fr: 'Repérer lacunes et doublons dans les politiques contre la traite et bien utiliser les ressources existantes.' }],
    ['6(d)', { en: 'Offer a platform to share information and good practice, and spare States duplicate reporting to several agencies.', fr: 'Offrir un espace d’échange d’informations et de bonnes pratiques et éviter aux États des rapports en double.' }],
    ['7', { en: 'States are invited to give voluntary funding to the working group’s Coordinator.', fr: 'Les États sont invités à verser des contributions volontaires au Coordonnateur du groupe de travail.' }],
    ['8', { en: 'States are encouraged to report trafficking incidents and related crimes to the Coordinator.', fr: 'Les États sont encouragés à signaler au Coordonnateur les cas de traite et les infractions connexes.' }],
    ['9', { en: 'UNODC should keep producing its global report on trafficking patterns and build a database and website with IOM and others.', fr: 'L’ONUDC devrait poursuivre son rapport mondial sur la traite et créer une base de données et un site web avec l’OIM.' }],
    ['10', { en: 'The working group should feed information into the UN’s periodic reports, database and website.', fr: 'Le groupe de travail devrait alimenter les rapports périodiques, la base de données et le site web des Nations Unies.' }],
    ['11', { en: 'The Secretary-General reports on implementation, a draft UN strategy and UNODC’s coordination capacity.', fr: 'Le Secrétaire général rend compte de la mise en œuvre, d’un projet de stratégie et des capacités de coordination de l’ONUDC.' }],
  ],
};

/** Other real decisions; the summaries are demonstration text (flagged), a few paragraphs each. */
const others: DemoMandate[] = [
  {
    symbol: 'A/RES/64/293',
    body: 'general_assembly',
    adoptedOn: '2010-07-30',
    title: { en: 'United Nations Global Plan of Action to Combat Trafficking in Persons', fr: 'Plan d’action mondial des Nations Unies pour la lutte contre la traite des personnes', es: 'Plan de Acción Mundial de las Naciones Unidas para Combatir la Trata de Personas' },
    demonstrationSummaries: true,
    paragraphs: [
      ['1', { en: 'Adopts a global plan of action against trafficking (demonstration summary).' }],
      ['3', { en: 'Sets up a voluntary trust fund for victims, especially women and children (demonstration summary).' }],
      ['4', { en: 'Asks for a periodic global report on trafficking patterns (demonstration summary).' }],
    ],
  },
  {
    symbol: 'A/HRC/RES/8/12',
    body: 'hrc',
    adoptedOn: '2008-06-18',
    title: { en: 'Trafficking in persons, especially women and children', fr: 'Traite des personnes, en particulier des femmes et des enfants' },
    demonstrationSummaries: true,
    paragraphs: [
      ['1', { en: 'Extends the mandate of the Special Rapporteur on trafficking (demonstration summary).' }],
      ['2', { en: 'Asks States to cooperate with the Special Rapporteur and answer communications (demonstration summary).' }],
      ['3', { en: 'Calls for a human-rights-based approach to victim protection (demonstration summary).' }],
    ],
  },
  {
    symbol: 'E/RES/2006/27',
    body: 'ecosoc',
    adoptedOn: '2006-07-27',
    title: { en: 'Strengthening international cooperation in preventing and combating trafficking in persons and protecting victims of such trafficking' },
    demonstrationSummaries: true,
    paragraphs: [
      ['1', { en: 'Urges States to criminalise trafficking in all its forms (demonstration summary).' }],
      ['2', { en: 'Encourages cooperation between countries of origin, transit and destination (demonstration summary).' }],
      ['5', { en: 'Asks UNODC to provide technical assistance on request (demonstration summary).' }],
    ],
  },
  {
    symbol: 'CCPCJ/RES/23/2',
    body: 'ccpcj',
    adoptedOn: '2014-05-16',
    title: { en: 'Preventing and combating trafficking in human organs and trafficking in persons for the purpose of organ removal' },
    demonstrationSummaries: true,
    paragraphs: [
      ['1', { en: 'Urges States to prevent and prosecute trafficking for organ removal (demonstration summary).' }],
      ['2', { en: 'Encourages oversight of transplant practices and registries (demonstration summary).' }],
    ],
  },
  {
    symbol: 'CTOC/COP decision 4/4',
    body: 'cop_untoc',
    adoptedOn: '2008-10-17',
    title: { en: 'Trafficking in human beings (Conference of the Parties, fourth session)' },
    demonstrationSummaries: true,
    paragraphs: [
      ['1', { en: 'Establishes a working group on trafficking in persons to advise the Conference (demonstration summary).' }],
      ['2', { en: 'Asks States to share legislation and practice on implementing the Trafficking Protocol (demonstration summary).' }],
      ['2(a)', { en: 'Information on victim assistance and protection measures (demonstration summary).' }],
    ],
  },
];

export const demoMandates: readonly DemoMandate[] = [seedResolution, ...others];

/** The seed resolution and a handful of other decisions. */
export const mandatesDemo: DemoContributor = {
  name: 'mandates',
  tables: ['mandate_paragraphs', 'mandates'],
  async seed(tx) {
    const repo = new MandatesRepository(tx.db);
    for (const m of demoMandates) {
      if (await repo.findBySymbol(m.symbol)) continue; // registered by hand before the demo was seeded
      const id = await repo.insert(m.symbol, { body: m.body, adopted_on: m.adoptedOn, title: m.title, demonstration_summaries: m.demonstrationSummaries }, true);
      await repo.replaceParagraphs(id, m.symbol, m.paragraphs.map(([label, summary]) => ({ label, summary })), true);
    }
  },
};

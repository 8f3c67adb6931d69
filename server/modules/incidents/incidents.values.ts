// Value sets of case-level incident reports: HTCDS v2.0 system names (IOM's Human
// Trafficking Case Data Standard), ISIC Rev.4 sections, ICCS 0204x, and the few lists the
// standards leave open (reporting bodies, assistance, prosecution outcome), which are TIP
// Hub's own. Stored and exchanged as these codes; labels belong to the web app.

/** Why a field has no value. Distinct from each other and from a known zero / known none. */
export const missingReasons = ['not_collected', 'unknown', 'not_applicable', 'suppressed'] as const;
export type MissingReason = (typeof missingReasons)[number];

/** A field's value, or the reason there is none: never a bare null. */
export type Known<T> = { value: T } | { reason: MissingReason };

/** IC-TIP's reporting entity: the body within the reporting State that recorded the case. */
export const reportingEntityTypes = [
  'police',
  'prosecution',
  'court',
  'labour_inspection',
  'immigration_border',
  'social_services',
  'ngo_national_referral',
  'national_rapporteur',
  'other',
] as const;

/** HTCDS Gender. */
export const genders = ['Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'] as const;

/** HTCDS TraffickingStatus. */
export const traffickingStatuses = ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'] as const;

/** HTCDS: who decided the trafficking status. */
export const statusDecidedBy = ['Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'] as const;

/** HTCDS TypeOfExploitation, plus ForcedCriminality (scam compounds, forced drug trade): a TIP Hub extension value. */
export const exploitationForms = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'ForcedCriminality',
  'Other',
] as const;
export type ExploitationForm = (typeof exploitationForms)[number];

/** HTCDS TypeOfSexExploitation. */
export const sexExploitationTypes = ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'] as const;

/** HTCDS ForcedLabourIndustry: the 21 sections of ISIC Rev.4. */
export const isicSections = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;

/** HTCDS MethodsOfControl (16). */
export const methodsOfControl = [
  'PhysicalThreats',
  'ThreatsLawEnforcement',
  'ThreatensChildrenFamily',
  'DebtBondage',
  'FalsePromises',
  'PhysicalAbuse',
  'SexualAbuse',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'RestrictsMedicalCare',
  'WithholdsNecessities',
  'PsychologicalAbuse',
  'PsychoactiveSubstance',
  'ExcessiveWorkingHours',
  'WithholdsDocuments',
  'Other',
] as const;

/** HTCDS MethodOfRecruitment. */
export const recruitmentMethods = [
  'AtAPlaceOfBusiness',
  'AtAnEducationalInstitution',
  'AtWork',
  'ThroughOnlineSocialNetworks',
  'ThroughAnOnlineAdvertisement',
  'ThroughATelevisionAdvert',
  'ThroughANewspaperAdvert',
  'ThroughFamilyOrFamilyEvents',
  'ThroughFriendsOrSocialEvents',
  'Other',
] as const;

/**
 * HTCDS RelationshipToTrafficker, system names as the domain brief gives them. The standard
 * spells the third value differently from English; its exact published spelling could not be
 * checked when this was written: confirm it against HTCDS v2.0 and, if it differs, make the
 * standard's spelling the system name (a data migration of `relationship_to_trafficker`).
 */
export const relationshipsToTrafficker = ['Familial', 'Acquainted', 'Unacquainted'] as const;

/** HTCDS perpetrator RoleInProcess (15). */
export const perpetratorRoles = [
  'TravellingPartner',
  'Transporter',
  'RecruiterOrIntermediary',
  'BrokerTravelAgent',
  'TransferredIndividual',
  'HarbouredIndividual',
  'SoldIndividual',
  'BoughtIndividual',
  'ReceivedIndividual',
  'ControlledIndividual',
  'Smuggler',
  'Abuser',
  'Kidnapper',
  'Exploiter',
  'Other',
] as const;

/** HTCDS hte_Type: the stages of the origin → transit → destination chain, in chain order. */
export const eventStages = ['Recruitment', 'Transit', 'Exploitation'] as const;
export type EventStage = (typeof eventStages)[number];

/** ICCS 0204 Trafficking in persons and its four subclasses. */
export const iccsCodes = ['0204', '02041', '02042', '02043', '02044'] as const;

/** Age bands of CTDC's public dataset; age is the victim's age when the exploitation began. */
export const ageBands = ['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'] as const;
export type AgeBand = (typeof ageBands)[number];

/** The bands' bounds in years (inclusive); `null` upper bound is open. */
export const ageBandBounds: Record<AgeBand, [number, number | null]> = {
  '0-8': [0, 8],
  '9-17': [9, 17],
  '18-20': [18, 20],
  '21-23': [21, 23],
  '24-26': [24, 26],
  '27-29': [27, 29],
  '30-38': [30, 38],
  '39-47': [39, 47],
  '48+': [48, null],
};

/** Assistance received (TIP Hub's list, after HTCDS support-plan services). */
export const assistanceTypes = [
  'Accommodation',
  'MedicalCare',
  'PsychosocialSupport',
  'LegalAssistance',
  'Interpretation',
  'Repatriation',
  'Reintegration',
  'FinancialSupport',
  'Education',
  'VocationalTraining',
  'Other',
] as const;

/** A perpetrator is a person or a legal person (company, organisation). */
export const perpetratorKinds = ['individual', 'organisation'] as const;

/** What became of the prosecution, where known (TIP Hub's list, after the GLOTIP indicators). */
export const prosecutionOutcomes = ['NotProsecuted', 'UnderInvestigation', 'Prosecuted', 'Convicted', 'Acquitted', 'Dismissed', 'Other'] as const;

/** The workflow of a case report. */
export const caseStatuses = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

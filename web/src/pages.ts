// The page registry. Adding a page = one entry here (plus its messages); the header nav, the
// user menu and the router all read this list, so no page can be linked without existing.
import type { ComponentType } from 'react';
import { AdminTokensPage } from './admin/AdminTokensPage.tsx';
import { InviteUserPage } from './admin/InviteUserPage.tsx';
import { OutboxPage } from './admin/OutboxPage.tsx';
import { UserDetailPage } from './admin/UserDetailPage.tsx';
import { UsersPage } from './admin/UsersPage.tsx';
import { ActivitiesPage } from './activities/ActivitiesPage.tsx';
import { ActivityPage } from './activities/ActivityPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { EditCasePage, NewCasePage } from './incidents/CaseFormPage.tsx';
import { IncidentsPage } from './incidents/IncidentsPage.tsx';
import { IntakePage } from './incidents/IntakePage.tsx';
import { AggregatesPage } from './aggregates/AggregatesPage.tsx';
import { MandatePage } from './mandates/MandatePage.tsx';
import { EditMandatePage, NewMandatePage } from './mandates/MandateEditPages.tsx';
import { MandatesPage } from './mandates/MandatesPage.tsx';
import { ActivityMapPage } from './monitoring/ActivityMapPage.tsx';
import { IncidentImportPage } from './incident-import/IncidentImportPage.tsx';
import { ActivityImportPage } from './activity-import/ActivityImportPage.tsx';
import { CountryPage } from './monitoring/CountryPage.tsx';
import { ScorecardPage } from './monitoring/ScorecardPage.tsx';
import { ScorecardsPage } from './monitoring/ScorecardsPage.tsx';
import { AcceptInvitationPage } from './auth/AcceptInvitationPage.tsx';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage.tsx';
import type { PageAccess } from './auth/pageAccess.ts';
import { ResetPasswordPage } from './auth/ResetPasswordPage.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { TwoFactorPage } from './auth/TwoFactorPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import type { MessageKey } from './i18n/catalogue.ts';
import { ProfilePage } from './profile/ProfilePage.tsx';
import { CreateOrganisationPage } from './registry/CreateOrganisationPage.tsx';
import { OrganisationPage } from './registry/OrganisationPage.tsx';
import { OrganisationsPage } from './registry/OrganisationsPage.tsx';
import { TreatiesPage } from './treaties/TreatiesPage.tsx';

export interface Page {
  path: string;
  /** Page heading, also used for the document title. */
  titleKey: MessageKey;
  /** Label in the header nav; pages without one are reachable only by links. */
  navKey?: MessageKey;
  /** Label in the signed-in user's menu. */
  menuKey?: MessageKey;
  /** Who may open it; nav and menu entries are shown only to them. Public when omitted. */
  access?: PageAccess;
  component: ComponentType;
}

const administration: PageAccess = { anyOf: ['users.read', 'users.manage'] };
const userManagement: PageAccess = { anyOf: ['users.manage'] };

export const pages: readonly Page[] = [
  { path: '/', titleKey: 'home.title', navKey: 'nav.home', component: HomePage },
  { path: '/sign-in', titleKey: 'signIn.title', component: SignInPage },
  { path: '/two-factor', titleKey: 'twoFactor.title', component: TwoFactorPage },
  { path: '/forgot-password', titleKey: 'forgotPassword.title', component: ForgotPasswordPage },
  { path: '/reset-password', titleKey: 'resetPassword.title', component: ResetPasswordPage },
  { path: '/accept-invitation', titleKey: 'invitation.title', component: AcceptInvitationPage },
  { path: '/profile', titleKey: 'profile.title', menuKey: 'userMenu.profile', access: 'signedIn', component: ProfilePage },
  { path: '/admin/users', titleKey: 'admin.users.title', navKey: 'nav.admin', menuKey: 'userMenu.admin', access: administration, component: UsersPage },
  { path: '/admin/user', titleKey: 'admin.user.title', access: administration, component: UserDetailPage },
  { path: '/admin/invite', titleKey: 'admin.invite.title', access: userManagement, component: InviteUserPage },
  { path: '/admin/tokens', titleKey: 'admin.tokens.title', access: userManagement, component: AdminTokensPage },
  { path: '/admin/outbox', titleKey: 'admin.outbox.title', access: userManagement, component: OutboxPage },
  { path: '/activities', titleKey: 'activities.search.title', navKey: 'activities.nav', component: ActivitiesPage },
  { path: '/activity', titleKey: 'activities.page.title', component: ActivityPage },
  { path: '/activities/import', titleKey: 'activityImport.title', access: { anyOf: ['activities.manage'] }, component: ActivityImportPage },
  { path: '/incidents/import', titleKey: 'incidentImport.title', access: { anyOf: ['state_reports.submit'] }, component: IncidentImportPage },
  { path: '/activity-map', titleKey: 'monitoring.map.title', navKey: 'monitoring.nav.map', component: ActivityMapPage },
  { path: '/country', titleKey: 'monitoring.country.title', component: CountryPage },
  { path: '/scorecards', titleKey: 'monitoring.scorecards.title', navKey: 'monitoring.nav.scorecards', component: ScorecardsPage },
  { path: '/scorecard', titleKey: 'monitoring.scorecard.pageTitle', component: ScorecardPage },
  { path: '/organisations', titleKey: 'registry.title', navKey: 'registry.nav', component: OrganisationsPage },
  { path: '/organisation', titleKey: 'registry.detail.title', component: OrganisationPage },
  { path: '/organisations/new', titleKey: 'registry.create.title', access: { anyOf: ['organisations.manage'] }, component: CreateOrganisationPage },
  { path: '/treaties', titleKey: 'treaties.title', navKey: 'treaties.nav', component: TreatiesPage },
  { path: '/mandates', titleKey: 'mandates.list.title', navKey: 'mandates.nav', component: MandatesPage },
  { path: '/mandate', titleKey: 'mandates.page.title', component: MandatePage },
  { path: '/mandates/new', titleKey: 'mandates.form.newTitle', access: { anyOf: ['mandates.manage'] }, component: NewMandatePage },
  { path: '/mandate/edit', titleKey: 'mandates.form.editTitle', access: { anyOf: ['mandates.manage'] }, component: EditMandatePage },
  { path: '/aggregates', titleKey: 'aggregates.title', navKey: 'aggregates.nav', access: { anyOf: ['state_reports.read'] }, component: AggregatesPage },
  { path: '/incidents', titleKey: 'incidents.title', navKey: 'incidents.nav', access: { anyOf: ['state_reports.read', 'state_reports.submit'] }, component: IncidentsPage },
  { path: '/incidents/new', titleKey: 'incidents.form.newTitle', access: { anyOf: ['state_reports.submit'] }, component: NewCasePage },
  { path: '/incident', titleKey: 'incidents.title', access: { anyOf: ['state_reports.read', 'state_reports.submit'] }, component: EditCasePage },
  { path: '/incidents/intake', titleKey: 'incidents.intake.title', access: { anyOf: ['state_reports.review', 'state_reports.read'] }, component: IntakePage },
  { path: '/audit', titleKey: 'audit.title', navKey: 'nav.audit', menuKey: 'userMenu.audit', access: { anyOf: ['audit.read'] }, component: AuditPage },
];

/** Pages in the signed-in user's menu, in order. */
export const menuPages = pages.filter((p) => p.menuKey);

/** Links out of the app (served by the API process), shown after the pages in the nav. */
export const externalLinks: readonly { href: string; labelKey: MessageKey; titleKey?: MessageKey }[] = [
  { href: '/api/docs', labelKey: 'nav.api', titleKey: 'nav.apiTitle' },
];

/** The page for a path; trailing slashes are ignored. */
export function findPage(path: string): Page | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return pages.find((p) => p.path === normalized);
}
